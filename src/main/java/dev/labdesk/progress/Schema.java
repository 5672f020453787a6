package dev.labdesk.progress;

import java.util.List;

/**
 * The database schema as an ordered list of migrations. {@code PRAGMA user_version} holds the
 * number of the last one applied; {@code PRAGMA application_id} marks the file as LabDesk's.
 * Migrations are append-only: a released step is never edited, a change is a new step.
 * All timestamps are INTEGER milliseconds since the epoch (UTC).
 */
final class Schema {

    /** "LDPG" in ASCII: lets LabDesk tell its own file from any other SQLite database. */
    static final int APPLICATION_ID = 0x4C445047;

    record Migration(int version, String summary, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "runs, check results and completion events", List.of(
                    """
                    CREATE TABLE runs (
                        id           INTEGER PRIMARY KEY,
                        pack_id      TEXT    NOT NULL,
                        pack_version TEXT    NOT NULL,
                        lab_id       TEXT    NOT NULL,
                        started_at   INTEGER NOT NULL,
                        finished_at  INTEGER NOT NULL
                    )""",
                    "CREATE INDEX runs_by_lab ON runs (pack_id, lab_id, finished_at, id)",
                    // A rowid table keeps results of a few KB inline; WITHOUT ROWID would spill everything
                    // over ~1 KB into overflow pages and about triple the file.
                    """
                    CREATE TABLE check_results (
                        id         INTEGER PRIMARY KEY,
                        run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                        seq        INTEGER NOT NULL,
                        check_id   TEXT    NOT NULL,
                        status     TEXT    NOT NULL CHECK (status IN ('PASS', 'FAIL', 'ERROR', 'SKIP')),
                        expected   TEXT,
                        actual     TEXT,
                        evidence   TEXT,
                        hint       TEXT,
                        elapsed_ms INTEGER NOT NULL,
                        UNIQUE (run_id, seq)
                    )""",
                    // Append-only: the newest event per (pack, lab, step) is the current state, and
                    // every event keeps the pack version it happened under. step_id NULL = the lab.
                    """
                    CREATE TABLE completions (
                        id           INTEGER PRIMARY KEY,
                        pack_id      TEXT    NOT NULL,
                        pack_version TEXT    NOT NULL,
                        lab_id       TEXT    NOT NULL,
                        step_id      TEXT,
                        done         INTEGER NOT NULL CHECK (done IN (0, 1)),
                        at           INTEGER NOT NULL
                    )""",
                    "CREATE INDEX completions_by_lab ON completions (pack_id, lab_id, step_id, id)")),
            new Migration(2, "run mode (learner check or author test) and last reading position", List.of(
                    // Every run before v2 came from the learner's own checks.
                    "ALTER TABLE runs ADD COLUMN mode TEXT NOT NULL DEFAULT 'check'",
                    """
                    CREATE TABLE positions (
                        pack_id      TEXT    NOT NULL,
                        lab_id       TEXT    NOT NULL,
                        pack_version TEXT    NOT NULL,
                        step_id      TEXT,
                        anchor       TEXT,
                        at           INTEGER NOT NULL,
                        UNIQUE (pack_id, lab_id)
                    )""")),
            new Migration(3, "packs the user trusted, per folder and content", List.of(
                    // One row per decision: the same pack id in two folders is two decisions. The
                    // fingerprint binds the decision to the content it was made on (ADR 0024).
                    """
                    CREATE TABLE trusted_packs (
                        pack_id     TEXT    NOT NULL,
                        folder      TEXT    NOT NULL,
                        fingerprint TEXT    NOT NULL,
                        trusted_at  INTEGER NOT NULL,
                        UNIQUE (pack_id, folder)
                    )""")));

    static int latest() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    private Schema() {
    }
}
