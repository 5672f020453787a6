/**
 * The rules of the pack format applied to loaded packs, labs and notes: ids, kinds, requires,
 * files, links. The result is a list of problems with positions, never an exception.
 */
package dev.labdesk.validate;
