/**
 * A course as the desktop app sees it: packs and notes loaded from a folder, with their problems.
 */
package dev.labdesk.course;
