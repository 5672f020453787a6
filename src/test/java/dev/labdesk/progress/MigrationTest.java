package dev.labdesk.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labdesk.check.CheckResult;
import dev.labdesk.kind.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    /**
     * The schema as LabDesk's first progress store wrote it, kept here verbatim: if someone edits
     * migration 1 in the code instead of adding a migration, old files and this test part ways.
     */
    private static final List<String> V1_DDL = List.of(
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
            "CREATE INDEX completions_by_lab ON completions (pack_id, lab_id, step_id, id)",
            "PRAGMA application_id = " + 0x4C445047,
            "PRAGMA user_version = 1");

    /** Migration 2 as released, verbatim, applied on top of {@link #V1_DDL}: a file a v2 LabDesk left behind. */
    private static final List<String> V2_DDL = List.of(
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
            )""",
            "PRAGMA user_version = 2");

    private static final long STARTED = Instant.parse("2026-02-01T08:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void migratesAVersion1DatabaseAndKeepsItsData() throws SQLException {
        Path file = dir.resolve("progress.db");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            for (String sql : V1_DDL) {
                s.execute(sql);
            }
            s.execute("INSERT INTO runs VALUES (7, 'containers', '0.9', 'build-image', " + STARTED + ", " + (STARTED + 1500) + ")");
            s.execute("INSERT INTO check_results (run_id, seq, check_id, status, expected, actual, evidence, hint, elapsed_ms)"
                    + " VALUES (7, 0, 'dockerfile', 'PASS', 'a Dockerfile', 'found', NULL, NULL, 4)");
            s.execute("INSERT INTO check_results (run_id, seq, check_id, status, expected, actual, evidence, hint, elapsed_ms)"
                    + " VALUES (7, 1, 'image', 'FAIL', 'image demo:1', 'no image', 'docker images: []', 'run docker build', 900)");
            s.execute("INSERT INTO completions VALUES (1, 'containers', '0.9', 'build-image', 'write-dockerfile', 1, " + STARTED + ")");
        }

        try (ProgressStore store = ProgressStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Schema.latest()).isEqualTo(3);

            StoredRun old = store.run(7).orElseThrow();
            assertThat(old.run()).isEqualTo(new RunRecord("containers", "0.9", "build-image", RunMode.CHECK,
                    Instant.ofEpochMilli(STARTED), Instant.ofEpochMilli(STARTED + 1500), List.of(
                            new CheckResult("dockerfile", CheckStatus.PASS, "a Dockerfile", "found", null, null, 4),
                            new CheckResult("image", CheckStatus.FAIL, "image demo:1", "no image", "docker images: []",
                                    "run docker build", 900))));
            assertThat(store.lastResults("containers", "build-image")).containsOnlyKeys("dockerfile", "image");
            assertThat(store.labProgress("containers", "build-image").stepsDone().get("write-dockerfile"))
                    .isEqualTo(new Completion("0.9", Instant.ofEpochMilli(STARTED)));

            // What v2 added works on the migrated file.
            store.savePosition("containers", "1.0", "build-image", "run-it", null);
            StoredRun test = store.recordRun(new RunRecord("containers", "1.0", "build-image", RunMode.TEST,
                    Instant.ofEpochMilli(STARTED + 10_000), Instant.ofEpochMilli(STARTED + 11_000), List.of()));
            assertThat(store.run(test.id()).orElseThrow().run().mode()).isEqualTo(RunMode.TEST);
            assertThat(store.runs("containers", "build-image", 5)).extracting(StoredRun::id).containsExactly(test.id(), 7L);
            assertThat(store.packVersions("containers")).containsExactly("0.9", "1.0");
            assertThat(store.integrityCheck()).containsExactly("ok");
        }
    }

    @Test
    void migratesAVersion2DatabaseKeepingRunsCompletionsAndPositionsAndStartsWithNoTrustedPacks() throws SQLException {
        Path file = dir.resolve("progress.db");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            for (String sql : V1_DDL) {
                s.execute(sql);
            }
            for (String sql : V2_DDL) {
                s.execute(sql);
            }
            s.execute("INSERT INTO runs (id, pack_id, pack_version, lab_id, started_at, finished_at, mode)"
                    + " VALUES (3, 'containers', '1.0', 'build-image', " + STARTED + ", " + (STARTED + 800) + ", 'check')");
            s.execute("INSERT INTO runs (id, pack_id, pack_version, lab_id, started_at, finished_at, mode)"
                    + " VALUES (4, 'containers', '1.0', 'build-image', " + (STARTED + 5000) + ", " + (STARTED + 5900) + ", 'test')");
            s.execute("INSERT INTO check_results (run_id, seq, check_id, status, expected, actual, evidence, hint, elapsed_ms)"
                    + " VALUES (3, 0, 'dockerfile', 'PASS', 'a Dockerfile', 'found', NULL, NULL, 4)");
            s.execute("INSERT INTO check_results (run_id, seq, check_id, status, expected, actual, evidence, hint, elapsed_ms)"
                    + " VALUES (4, 0, 'dockerfile', 'FAIL', 'a Dockerfile', 'missing', NULL, NULL, 2)");
            s.execute("INSERT INTO completions VALUES (1, 'containers', '1.0', 'build-image', NULL, 1, " + (STARTED + 900) + ")");
            s.execute("INSERT INTO positions VALUES ('containers', 'build-image', '1.0', 'run-it', 'ports', " + STARTED + ")");
        }

        try (ProgressStore store = ProgressStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(3);
            assertThat(store.runs("containers", "build-image", 5)).extracting(r -> r.id() + " " + r.run().mode())
                    .containsExactly("4 TEST", "3 CHECK");
            assertThat(store.lastResults("containers", "build-image").get("dockerfile").result().status())
                    .as("the learner's own run, not the author's test").isEqualTo(CheckStatus.PASS);
            assertThat(store.labProgress("containers", "build-image").done())
                    .contains(new Completion("1.0", Instant.ofEpochMilli(STARTED + 900)));
            assertThat(store.lastPosition()).contains(new Position("containers", "1.0", "build-image", "run-it", "ports",
                    Instant.ofEpochMilli(STARTED)));
            assertThat(store.trustedPacks()).isEmpty();

            TrustedPack trusted = store.trustPack("containers", dir.toAbsolutePath(), "sha256:00");
            assertThat(store.trustedPack("containers", dir.toAbsolutePath())).contains(trusted);
            assertThat(store.integrityCheck()).containsExactly("ok");
        }
    }

    @Test
    void aNewFileStartsAtTheLatestSchemaMarkedAsLabdesks() throws SQLException {
        Path file = dir.resolve("progress.db");
        ProgressStore.open(file).close();

        try (Connection c = raw(file)) {
            assertThat(pragma(c, "user_version")).isEqualTo(String.valueOf(Schema.latest()));
            assertThat(pragma(c, "application_id")).isEqualTo(String.valueOf(Schema.APPLICATION_ID));
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(columns(c, "runs")).contains("mode");
            assertThat(columns(c, "trusted_packs")).containsExactly("pack_id", "folder", "fingerprint", "trusted_at");
        }
    }

    @Test
    void reopeningAnUpToDateFileChangesNothing() throws Exception {
        Path file = dir.resolve("progress.db");
        ProgressStore.open(file).close();
        byte[] before = Files.readAllBytes(file);

        ProgressStore.open(file).close();

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void refusesADatabaseFromANewerLabdeskAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("progress.db");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE future (x)");
            s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            s.execute("PRAGMA user_version = 9");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> ProgressStore.open(file))
                .isInstanceOfSatisfying(ProgressException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProgressException.Reason.NEWER_SCHEMA);
                    assertThat(e.getMessage()).contains(file.toString(), "newer LabDesk", "v9", "up to v" + Schema.latest());
                    assertThat(e.fix()).contains("update LabDesk", "LABDESK_HOME");
                    assertThat(e.userMessage()).contains(". Fix: update LabDesk");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Path.of(file + "-wal")).doesNotExist();
    }

    @Test
    void refusesAnSqliteDatabaseThatLabdeskDidNotCreate() throws Exception {
        Path file = dir.resolve("progress.db");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos (name TEXT)");
            s.execute("INSERT INTO photos VALUES ('holiday.jpg')");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> ProgressStore.open(file))
                .isInstanceOfSatisfying(ProgressException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProgressException.Reason.NOT_A_DATABASE);
                    assertThat(e.getMessage()).contains("not one LabDesk created");
                    assertThat(e.fix()).contains("move it aside");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFailingMigrationStepRollsBackWhole() throws SQLException {
        Path file = dir.resolve("progress.db");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            for (String sql : V1_DDL) {
                s.execute(sql);
            }
            // Someone made a table that migration 2 wants to create: that step must fail as a whole.
            s.execute("CREATE TABLE positions (x)");
            s.execute("INSERT INTO runs VALUES (1, 'p', '1', 'lab', 0, 0)");
        }

        assertThatThrownBy(() -> ProgressStore.open(file)).isInstanceOf(ProgressException.class)
                .hasMessageContaining("positions");

        try (Connection c = raw(file)) {
            assertThat(pragma(c, "user_version")).isEqualTo("1");
            assertThat(columns(c, "runs")).doesNotContain("mode");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM runs")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    private static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
