package dev.labdesk.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labdesk.check.CheckResult;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.kind.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path dir;

    private Path file;
    private TickingClock clock;
    private ProgressStore store;

    @BeforeEach
    void open() {
        file = dir.resolve("progress.db");
        clock = new TickingClock(T0);
        store = ProgressStore.open(file, ProgressStore.Options.defaults().withClock(clock));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ProgressStore reopen() {
        store.close();
        store = ProgressStore.open(file, ProgressStore.Options.defaults().withClock(clock));
        return store;
    }

    //**** Runs ****//

    @Test
    void recordedRunReadsBackWithEveryFieldAfterReopening() {
        RunRecord run = new RunRecord("containers", "1.0", "build-image", RunMode.CHECK,
                Instant.parse("2026-03-01T10:15:30.123456789Z"), Instant.parse("2026-03-01T10:15:32.5Z"), List.of(
                        new CheckResult("image-exists", CheckStatus.PASS, "image demo:1 exists", "found demo:1",
                                "sha256:abc", null, 12),
                        new CheckResult("port", CheckStatus.FAIL, "port 5000 exposed", "no ports",
                                "ExposedPorts: {}", "add EXPOSE 5000 to the Dockerfile", 3),
                        new CheckResult("health", CheckStatus.ERROR, null, "Docker is not running. Fix: start it", null,
                                null, 0),
                        new CheckResult("later", CheckStatus.SKIP, null, "needs health", null, null, 0)));

        StoredRun saved = store.recordRun(run);
        StoredRun read = reopen().run(saved.id()).orElseThrow();

        assertThat(read).isEqualTo(saved);
        assertThat(read.run().startedAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
        assertThat(read.run().results()).extracting(CheckResult::id)
                .containsExactly("image-exists", "port", "health", "later");
        assertThat(read.run().results().get(1).hint()).isEqualTo("add EXPOSE 5000 to the Dockerfile");
        assertThat(read.run().results().get(2).expected()).isNull();
        assertThat(read.run().mode()).isEqualTo(RunMode.CHECK);
    }

    @Test
    void runWithoutResultsIsStored() {
        StoredRun saved = store.recordRun(run("p", "1", "lab", RunMode.TEST, 0, List.of()));

        assertThat(store.run(saved.id())).contains(saved);
        assertThat(saved.run().allPassed()).isFalse();
    }

    @Test
    void unknownRunIdIsEmpty() {
        assertThat(store.run(12345)).isEmpty();
    }

    @Test
    void timestampsAreStoredAsUtcEpochMilliseconds() throws SQLException {
        StoredRun saved = store.recordRun(run("p", "1", "lab", RunMode.CHECK, 0, List.of(pass("a"))));
        store.markLabDone("p", "1", "lab");
        store.savePosition("p", "1", "lab", "step-1", null);

        try (Connection c = raw(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT started_at, finished_at FROM runs WHERE id = " + saved.id());
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(saved.run().startedAt().toEpochMilli());
            assertThat(rs.getLong(2)).isEqualTo(saved.run().finishedAt().toEpochMilli());
            rs = s.executeQuery("SELECT at FROM completions UNION ALL SELECT at FROM positions");
            while (rs.next()) {
                assertThat(Instant.ofEpochMilli(rs.getLong(1))).isBetween(T0, T0.plusSeconds(60));
            }
        }
    }

    @Test
    void runsAreNewestFirstByFinishTimeAndLimited() {
        long a = store.recordRun(run("p", "1", "lab", RunMode.CHECK, 30, List.of(pass("x")))).id();
        long b = store.recordRun(run("p", "1", "lab", RunMode.CHECK, 10, List.of(pass("x")))).id();
        long c = store.recordRun(run("p", "1.1", "lab", RunMode.TEST, 50, List.of(fail("x")))).id();
        long d = store.recordRun(run("p", "1", "lab", RunMode.CHECK, 30, List.of(pass("x")))).id();
        store.recordRun(run("p", "1", "other-lab", RunMode.CHECK, 99, List.of(pass("x"))));
        store.recordRun(run("other-pack", "1", "lab", RunMode.CHECK, 99, List.of(pass("x"))));

        assertThat(store.runs("p", "lab", 10)).extracting(StoredRun::id).containsExactly(c, d, a, b);
        assertThat(store.runs("p", "lab", 2)).extracting(StoredRun::id).containsExactly(c, d);
        assertThat(store.runs("p", "lab", 10).get(0).run().results()).containsExactly(fail("x"));
        assertThat(store.runs("p", "missing", 10)).isEmpty();
        assertThatThrownBy(() -> store.runs("p", "lab", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runIdsIncreaseInCommitOrder() {
        long first = store.recordRun(run("p", "1", "lab", RunMode.CHECK, 5, List.of())).id();
        long second = store.recordRun(run("p", "1", "lab", RunMode.CHECK, 1, List.of())).id();

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void lastResultsHoldNewestLearnerStatusPerCheckAcrossPackVersions() {
        StoredRun v10 = store.recordRun(run("p", "1.0", "lab", RunMode.CHECK, 10, List.of(pass("a"), fail("b"))));
        StoredRun v11 = store.recordRun(run("p", "1.1", "lab", RunMode.CHECK, 20, List.of(pass("b"), fail("c"))));
        // An author's pack test is not the learner's work: it must not change what the learner sees.
        store.recordRun(run("p", "1.1", "lab", RunMode.TEST, 30, List.of(fail("a"), pass("c"))));
        store.recordRun(run("p", "1.1", "other", RunMode.CHECK, 40, List.of(fail("a"))));

        Map<String, LastResult> last = store.lastResults("p", "lab");

        assertThat(last).containsOnlyKeys("a", "b", "c");
        assertThat(last.get("a")).isEqualTo(new LastResult(v10.id(), "1.0", v10.run().finishedAt(), pass("a")));
        assertThat(last.get("b")).isEqualTo(new LastResult(v11.id(), "1.1", v11.run().finishedAt(), pass("b")));
        assertThat(last.get("c").result().status()).isEqualTo(CheckStatus.FAIL);
        assertThat(store.lastResults("p", "nothing")).isEmpty();
    }

    @Test
    void rejectsRunsWithMissingIdentityOrBackwardsTime() {
        assertThatThrownBy(() -> run(" ", "1", "lab", RunMode.CHECK, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("packId");
        assertThatThrownBy(() -> new RunRecord("p", "1", "lab", RunMode.CHECK, T0, T0.minusMillis(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> run("p", "1", "lab", RunMode.CHECK, 0,
                List.of(new CheckResult("", CheckStatus.PASS, null, null, null, null, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    //**** Secrets ****//

    @Test
    void recordRunRedactsSecretsBeforeTheyReachTheFile() throws Exception {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        String token = "eyJhbGciOiJIUzI1NiJ9abc.def123";
        CheckResult leaky = new CheckResult("api", CheckStatus.FAIL, "status 200",
                "status 401 with Authorization: Bearer " + token,
                "GET /v1 HTTP/1.1\nAuthorization: Bearer " + token + "\nenv: AWS_SECRET_ACCESS_KEY=" + secret + "\n",
                "set aws_secret_access_key = " + secret, 5);

        StoredRun saved = store.recordRun(run("p", "1", "lab", RunMode.CHECK, 0, List.of(leaky)));
        CheckResult stored = store.run(saved.id()).orElseThrow().run().results().get(0);

        assertThat(stored).isEqualTo(saved.run().results().get(0));
        assertThat(stored.evidence()).contains("GET /v1 HTTP/1.1", "Authorization: [REDACTED]",
                "AWS_SECRET_ACCESS_KEY=[REDACTED]").doesNotContain(secret, token);
        assertThat(stored.actual()).doesNotContain(token);
        assertThat(stored.hint()).isEqualTo("set aws_secret_access_key = [REDACTED]");
        store.close();
        for (Path f : List.of(file, Path.of(file + "-wal"))) {
            if (Files.exists(f)) {
                String bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain(secret).doesNotContain(token).contains("[REDACTED]");
            }
        }
    }

    //**** Completion ****//

    @Test
    void labProgressFromAnOlderPackVersionIsStillShownUnderTheNewOne() {
        store.markStepDone("p", "1.0", "lab", "write-dockerfile");
        store.markLabDone("p", "1.0", "lab");
        Instant doneAt = store.labProgress("p", "lab").done().orElseThrow().at();

        // The pack is updated to 1.1; the learner continues in it.
        store.markStepDone("p", "1.1", "lab", "run-container");
        LabProgress lab = reopen().labProgress("p", "lab");

        assertThat(lab.isDone()).isTrue();
        assertThat(lab.done()).contains(new Completion("1.0", doneAt));
        assertThat(lab.stepsDone()).containsOnlyKeys("run-container", "write-dockerfile");
        assertThat(lab.stepsDone().get("write-dockerfile").packVersion()).isEqualTo("1.0");
        assertThat(lab.stepsDone().get("run-container").packVersion()).isEqualTo("1.1");
        assertThat(store.packVersions("p")).containsExactly("1.0", "1.1");
    }

    @Test
    void markingDoneAgainUnderTheSameVersionKeepsTheFirstTimeAndANewVersionRecordsAgain() throws SQLException {
        store.markLabDone("p", "1.0", "lab");
        Instant first = store.labProgress("p", "lab").done().orElseThrow().at();
        store.markLabDone("p", "1.0", "lab");

        assertThat(store.labProgress("p", "lab").done().orElseThrow().at()).isEqualTo(first);

        store.markLabDone("p", "1.1", "lab");
        Completion latest = store.labProgress("p", "lab").done().orElseThrow();

        assertThat(latest.packVersion()).isEqualTo("1.1");
        assertThat(latest.at()).isAfter(first);
        assertThat(completionEvents()).containsExactly("lab 1.0 done", "lab 1.1 done");
    }

    @Test
    void clearingAStepUndoesItButKeepsItsHistory() throws SQLException {
        store.markStepDone("p", "1.0", "lab", "s1");
        store.markStepDone("p", "1.0", "lab", "s2");
        store.clearStepDone("p", "1.1", "lab", "s1");
        store.clearStepDone("p", "1.1", "lab", "never-done");

        LabProgress lab = store.labProgress("p", "lab");

        assertThat(lab.stepsDone()).containsOnlyKeys("s2");
        assertThat(lab.isStepDone("s1")).isFalse();
        assertThat(completionEvents()).containsExactly("s1 1.0 done", "s2 1.0 done", "s1 1.1 undone");

        store.markStepDone("p", "1.1", "lab", "s1");
        assertThat(store.labProgress("p", "lab").stepsDone().get("s1").packVersion()).isEqualTo("1.1");
    }

    @Test
    void clearingALabLeavesItsStepsAlone() {
        store.markStepDone("p", "1", "lab", "s1");
        store.markLabDone("p", "1", "lab");
        store.clearLabDone("p", "1", "lab");

        LabProgress lab = store.labProgress("p", "lab");

        assertThat(lab.isDone()).isFalse();
        assertThat(lab.isStepDone("s1")).isTrue();
    }

    @Test
    void packProgressListsEveryTouchedLabWithItsState() {
        store.markLabDone("p", "1", "a-done");
        store.markStepDone("p", "1", "b-started", "s1");
        store.recordRun(run("p", "1", "c-checked", RunMode.CHECK, 7, List.of(fail("x"))));
        store.recordRun(run("p", "1", "d-tested-only", RunMode.TEST, 7, List.of(pass("x"))));
        store.markLabDone("other", "1", "a-done");

        PackProgress pack = store.packProgress("p");

        assertThat(pack.labs()).containsOnlyKeys("a-done", "b-started", "c-checked");
        assertThat(pack.labsDone()).isEqualTo(1);
        assertThat(pack.lab("b-started").isStepDone("s1")).isTrue();
        assertThat(pack.lab("c-checked").lastRunAt()).contains(T0.plusSeconds(7).plusMillis(250));
        assertThat(pack.lab("never-opened").isUntouched()).isTrue();
        assertThat(store.labProgress("p", "never-opened").isUntouched()).isTrue();
        assertThat(store.packProgress("nothing").labs()).isEmpty();
    }

    //**** Position ****//

    @Test
    void lastPositionResumesWhereTheLearnerStopped() {
        store.savePosition("containers", "1.0", "build-image", "write-dockerfile", "expose-the-port");
        store.savePosition("kubernetes", "2.0", "deploy", "apply", null);
        Position latestInContainers = store.savePosition("containers", "1.0", "run-container", null, null);

        ProgressStore reopened = reopen();

        assertThat(reopened.lastPosition()).contains(latestInContainers);
        assertThat(reopened.lastPosition("kubernetes").orElseThrow().stepId()).isEqualTo("apply");
        assertThat(reopened.lastPosition("containers")).contains(latestInContainers);
        assertThat(reopened.lastPosition("containers", "build-image").orElseThrow().anchor()).isEqualTo("expose-the-port");
        assertThat(reopened.lastPosition("nothing")).isEmpty();
    }

    @Test
    void savingAPositionAgainMovesTheLabToTheFrontEvenWhenTheClockStands() {
        clock.stop();
        store.savePosition("p", "1", "a", "s1", null);
        store.savePosition("p", "1", "b", "s1", null);
        Position again = store.savePosition("p", "1.1", "a", "s2", "anchor");

        assertThat(store.lastPosition("p")).contains(again);
        assertThat(store.lastPosition("p", "a")).contains(again);
    }

    //**** Lifecycle ****//

    @Test
    void opensInLabdeskHomeAndCreatesItsFolder() {
        LabdeskHome home = new LabdeskHome(dir.resolve("not/yet/there"));

        try (ProgressStore s = ProgressStore.open(home)) {
            s.markLabDone("p", "1", "lab");
            assertThat(s.file()).isEqualTo(home.progressDb().toAbsolutePath());
        }
        try (ProgressStore s = ProgressStore.open(home)) {
            assertThat(s.labProgress("p", "lab").isDone()).isTrue();
            assertThat(s.integrityCheck()).containsExactly("ok");
        }
    }

    @Test
    void usesWriteAheadLoggingWithFullSyncAndABusyTimeout() {
        assertThat(store.pragma("journal_mode")).containsExactly("wal");
        assertThat(store.pragma("synchronous")).containsExactly("2"); // FULL
        assertThat(store.pragma("busy_timeout")).containsExactly("5000");
        assertThat(store.pragma("foreign_keys")).containsExactly("1");
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();
        store.close();

        assertThatThrownBy(() -> store.lastPosition()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    //**** Helpers ****//

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private List<String> completionEvents() throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection c = raw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT step_id, pack_version, done FROM completions ORDER BY id")) {
            while (rs.next()) {
                String step = rs.getString(1);
                events.add((step == null ? "lab" : step) + " " + rs.getString(2) + " " + (rs.getInt(3) == 1 ? "done" : "undone"));
            }
        }
        return events;
    }

    static RunRecord run(String pack, String version, String lab, RunMode mode, int second, List<CheckResult> results) {
        Instant start = T0.plusSeconds(second);
        return new RunRecord(pack, version, lab, mode, start, start.plusMillis(250), results);
    }

    static CheckResult pass(String id) {
        return new CheckResult(id, CheckStatus.PASS, "wanted " + id, "found " + id, null, null, 1);
    }

    static CheckResult fail(String id) {
        return new CheckResult(id, CheckStatus.FAIL, "wanted " + id, "missing " + id, "evidence " + id, "hint " + id, 2);
    }

    /** Advances one second per reading, so every stamp is distinct; {@link #stop} freezes it. */
    static final class TickingClock extends Clock {
        private final AtomicLong millis;
        private volatile boolean stopped;

        TickingClock(Instant start) {
            millis = new AtomicLong(start.toEpochMilli());
        }

        void stop() {
            stopped = true;
        }

        @Override
        public long millis() {
            return stopped ? millis.get() : millis.getAndAdd(1000);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
