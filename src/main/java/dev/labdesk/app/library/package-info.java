/**
 * The course library view: the tree of packs, labs and notes, and the reader beside it.
 */
package dev.labdesk.app.library;
