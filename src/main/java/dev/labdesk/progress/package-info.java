/**
 * The learner's progress in one SQLite file (WAL) under {@code LABDESK_HOME}: check runs with their
 * results, step and lab completion, the last reading position, and the packs the user trusted. Every
 * write is on disk when its method returns; see docs/decisions/0030-progress-store.md and
 * 0031-progress-schema-migrations.md.
 *
 * <pre>{@code
 * try (ProgressStore store = ProgressStore.open(LabdeskHome.resolve())) {   // or open(Path)
 *     StoredRun run = store.recordRun(new RunRecord(pack, version, lab, RunMode.CHECK, started, finished, results));
 *     store.runs(pack, lab, 20);            // newest first, every mode and pack version
 *     store.lastResults(pack, lab);         // check id -> newest learner result, with its pack version
 *     store.markStepDone(pack, version, lab, step);  store.markLabDone(pack, version, lab);
 *     store.labProgress(pack, lab);  store.packProgress(pack);       // across all pack versions
 *     store.savePosition(pack, version, lab, step, anchor);  store.lastPosition();
 *     store.trustPack(pack, realFolder, fingerprint);  store.trustedPack(pack, realFolder);  store.revokeTrust(realFolder);
 * }
 * }</pre>
 * Failures are {@link dev.labdesk.progress.ProgressException}s with a fix for the user; a file the
 * store cannot use is never deleted or rewritten.
 */
package dev.labdesk.progress;
