package dev.labdesk.check;

import static dev.labdesk.testing.TestPacks.checks;
import static dev.labdesk.testing.TestPacks.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.CheckStatus;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.task.TaskExecutor;
import dev.labdesk.testing.TestKinds;
import dev.labdesk.testing.TestPacks;
import dev.labdesk.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunnerTest {

    @TempDir
    Path dir;

    private final TaskExecutor pool = TaskExecutor.pool("test");
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        release.countDown();
        for (AutoCloseable c : cleanup) {
            c.close();
        }
        pool.close();
    }

    private TestServer server() {
        TestServer s = TestServer.start();
        cleanup.add(s);
        return s;
    }

    /** A server route that waits until the test ends, counting requests that arrived. */
    private TestServer hangingServer(CountDownLatch arrived) {
        return server().route("/hang", ex -> {
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void everyFailureIsReportedInTheAuthorsOrder() {
        TestServer s = server().route("/ok", 200, "text/plain", "fine").route("/bad", 500, "text/plain", "boom");
        write(dir.resolve("ws/present.txt"), "here");
        TestPacks.Fixture f = TestPacks.lab(dir, checks("""
                - id: one
                  file.exists: missing-1.txt
                - id: two
                  http.get: %s
                - id: three
                  file.exists: present.txt
                - id: four
                  http.get: %s
                - id: five
                  file.exists: missing-2.txt
                """.formatted(s.url("/bad"), s.url("/ok"))));
        CheckReport report = new CheckRunner(TestPacks.registry(), pool).run(f.lab().checks(), f.context(false));
        assertThat(report.results()).extracting(CheckResult::id).containsExactly("one", "two", "three", "four", "five");
        assertThat(report.results()).extracting(CheckResult::status).containsExactly(
                CheckStatus.FAIL, CheckStatus.FAIL, CheckStatus.PASS, CheckStatus.PASS, CheckStatus.FAIL);
        assertThat(report.summary()).isEqualTo("5 checks: 2 passed, 3 failed");
        assertThat(report.noFailures()).isFalse();
    }

    @Test
    void checksRunInParallel() throws Exception {
        CountDownLatch arrived = new CountDownLatch(3);
        // Each request waits until all three have arrived: only parallel checks can all pass.
        TestServer s = server().route("/together", ex -> {
            arrived.countDown();
            try {
                boolean all = arrived.await(5, TimeUnit.SECONDS);
                TestServer.respond(ex, all ? 200 : 504, "text/plain", all ? "together" : "alone");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TestPacks.Fixture f = TestPacks.lab(dir, checks("""
                - {id: a, http.get: URL}
                - {id: b, http.get: URL}
                - {id: c, http.get: URL}
                """.replace("URL", s.url("/together"))));
        CheckReport report = new CheckRunner(TestPacks.registry(), pool).run(f.lab().checks(), f.context(false));
        assertThat(report.results()).allSatisfy(r -> assertThat(r.status()).as(r.actual()).isEqualTo(CheckStatus.PASS));
    }

    @Test
    void eventuallyPassesOnceAServerThatStartsLateIsReady() throws Exception {
        int port = TestServer.freePort();
        TestPacks.Fixture f = TestPacks.lab(dir, checks("""
                - id: late
                  http.get: http://127.0.0.1:%d/health
                  eventually: 20s
                  expect: {json: {"$.status": ok}}
                """.formatted(port)));
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<CheckReport> run = CompletableFuture.supplyAsync(() -> new CheckRunner(TestPacks.registry(), pool)
                .run(f.lab().checks(), f.context(false), new CheckRunner.Listener() {
                    @Override
                    public void started(CheckSpec check) {
                        started.countDown();
                    }
                }));
        // The check is running while nothing listens; then the server comes up, answers 503 twice, then is ready.
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicInteger calls = new AtomicInteger();
        TestServer late = TestServer.start(port).route("/health", ex -> {
            boolean ready = calls.incrementAndGet() > 2;
            TestServer.respond(ex, ready ? 200 : 503, "application/json", ready ? "{\"status\":\"ok\"}" : "{\"status\":\"starting\"}");
        });
        cleanup.add(late);
        CheckResult r = run.get(30, TimeUnit.SECONDS).results().get(0);
        assertThat(r.status()).as(r.actual()).isEqualTo(CheckStatus.PASS);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void eventuallyGivesUpWhenTheTimeIsUpAndSaysHowOftenItTried() {
        TestServer s = server().route("/health", 503, "text/plain", "starting");
        TestPacks.Fixture f = TestPacks.lab(dir, checks("""
                - id: never
                  http.get: %s
                  eventually: 1s
                  expect: {status: 200}
                """.formatted(s.url("/health"))));
        CheckResult r = new CheckRunner(TestPacks.registry(), pool).run(f.lab().checks(), f.context(false)).results().get(0);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.expected()).isEqualTo("status 200");
        assertThat(r.actual()).matches("status 503 \\(still so after 1s, \\d+ attempts\\)");
        int attempts = Integer.parseInt(r.actual().replaceAll(".*, (\\d+) attempts\\)", "$1"));
        // Pauses of 100 + 200 + 400 ms fit in 1 s, then one last try at the deadline: 5 attempts on an idle
        // machine, fewer when each request is slow; the count reported is the count the server saw.
        assertThat(attempts).isBetween(2, 6);
        assertThat(s.seen()).hasSize(attempts);
        assertThat(r.elapsedMs()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aKindThatIgnoresItsTimeoutIsStoppedAndReportedAsError() {
        TestKinds kinds = new TestKinds();
        KindRegistry registry = TestPacks.registry(kinds);
        TestPacks.Fixture f = TestPacks.lab(dir, checks("""
                - id: stuck
                  test.stuck: x
                  timeout: 200ms
                """));
        CheckRunner runner = new CheckRunner(registry, pool, new CheckRunner.Policy(Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMillis(100), true));
        CheckResult r = runner.run(f.lab().checks(), f.context(false)).results().get(0);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.actual()).isEqualTo("the check did not finish within 200ms. Fix: find out why it hangs, or give it more time with 'timeout: 600ms'");
        assertThat(r.hint()).isNull();
    }

    @Test
    void cancellingStopsRunningChecksPromptly() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        TestServer s = hangingServer(arrived);
        write(dir.resolve("ws/done.txt"), "x");
        TestPacks.Fixture f = TestPacks.lab(dir, checks("""
                - id: hangs
                  http.get: %s
                  eventually: 60s
                - id: quick
                  file.exists: done.txt
                """.formatted(s.url("/hang"))));
        Cancellation cancel = new Cancellation();
        CompletableFuture<CheckReport> run = CompletableFuture.supplyAsync(() -> new CheckRunner(TestPacks.registry(), pool)
                .run(f.lab().checks(), f.context(false, cancel)));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        cancel.cancel();
        CheckReport report = run.get(5, TimeUnit.SECONDS);
        assertThat(report.results().get(0).status()).isEqualTo(CheckStatus.SKIP);
        assertThat(report.results().get(0).actual()).isEqualTo("cancelled before it finished");
        assertThat(report.results().get(1).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void cancellingInterruptsAKindThatIsStuck() throws Exception {
        TestKinds kinds = new TestKinds();
        TestPacks.Fixture f = TestPacks.lab(dir, checks("- {id: stuck, test.stuck: x}"));
        Cancellation cancel = new Cancellation();
        CompletableFuture<CheckReport> run = CompletableFuture.supplyAsync(() -> new CheckRunner(TestPacks.registry(kinds), pool)
                .run(f.lab().checks(), f.context(false, cancel)));
        assertThat(kinds.stuckStarted.await(10, TimeUnit.SECONDS)).isTrue();
        cancel.cancel();
        assertThat(run.get(5, TimeUnit.SECONDS).results().get(0).status()).isEqualTo(CheckStatus.SKIP);
        assertThat(kinds.stuckInterrupted.await(5, TimeUnit.SECONDS)).as("the stuck kind was interrupted").isTrue();
    }

    @Test
    void missingEnvironmentIsAnErrorWithTheFixAndIsNotRetried() {
        TestPacks.Fixture f = TestPacks.lab(dir, checks("""
                - id: image
                  test.env: app:1.0
                  eventually: 30s
                  hint: Build the image first.
                """));
        CheckReport report = new CheckRunner(TestPacks.registry(new TestKinds()), pool).run(f.lab().checks(), f.context(false));
        CheckResult r = report.results().get(0);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.actual()).isEqualTo("Docker is not running. Fix: start Docker Desktop, or set DOCKER_HOST");
        assertThat(r.hint()).isNull();
        assertThat(r.elapsedMs()).isLessThan(30_000);
        assertThat(report.environmentProblems()).containsExactly(new EnvironmentProblem("image", "docker",
                "Docker is not running", "start Docker Desktop, or set DOCKER_HOST"));
    }

    @Test
    void commandChecksSkipOnUntrustedPacksAndRunOnTrustedOnes() {
        TestPacks.Fixture f = TestPacks.lab(dir, checks("""
                - id: cmd
                  command: echo made > proof.txt; echo hello from the shell
                  expect: {text: hello from the shell}
                """));
        CheckRunner runner = new CheckRunner(TestPacks.registry(), pool);
        CheckResult untrusted = runner.run(f.lab().checks(), f.context(false)).results().get(0);
        assertThat(untrusted.status()).isEqualTo(CheckStatus.SKIP);
        assertThat(untrusted.actual()).isEqualTo("the pack is not trusted: if you wrote it or trust its author,"
                + " trust it with 'labdesk trust " + f.pack().root() + "' (or run with --trust)");
        assertThat(f.workspace().resolve("proof.txt")).doesNotExist();

        CheckResult trusted = runner.run(f.lab().checks(), f.context(true)).results().get(0);
        assertThat(trusted.status()).as(trusted.actual()).isEqualTo(CheckStatus.PASS);
        assertThat(f.workspace().resolve("proof.txt")).exists();
    }

    @Test
    void anUnknownKindIsAnError() {
        TestPacks.Fixture f = TestPacks.lab(dir, checks("- {id: odd, docker.image: app:1}"));
        CheckResult r = new CheckRunner(TestPacks.registry(), pool).run(f.lab().checks(), f.context(false)).results().get(0);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.actual()).startsWith("there is no check kind 'docker.image' in this LabDesk");
    }

    @Test
    void onTheCurrentThreadChecksRunOneAfterAnotherInOrder() {
        write(dir.resolve("ws/a.txt"), "a");
        TestPacks.Fixture f = TestPacks.lab(dir, checks("""
                - {id: first, file.exists: a.txt}
                - {id: second, file.exists: b.txt}
                - {id: third, file.exists: a.txt}
                """));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        new CheckRunner(TestPacks.registry(), TaskExecutor.currentThread()).run(f.lab().checks(), f.context(false),
                new CheckRunner.Listener() {
                    @Override
                    public void started(CheckSpec check) {
                        events.add("start " + check.id());
                    }

                    @Override
                    public void finished(CheckSpec check, CheckResult result) {
                        events.add(result.status() + " " + check.id());
                    }
                });
        assertThat(events).containsExactly("start first", "PASS first", "start second", "FAIL second", "start third", "PASS third");
    }
}
