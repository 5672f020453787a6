/**
 * The learner's progress: check runs with their results, step and lab completion, and the last
 * position, kept in one SQLite file (WAL) under {@code LABDESK_HOME}. Entry point: {@link dev.labdesk.progress.ProgressStore};
 * every write is on disk when its method returns. See docs/decisions/0030-progress-store.md.
 */
package dev.labdesk.progress;
