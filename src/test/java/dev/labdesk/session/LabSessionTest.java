package dev.labdesk.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.check.CheckReport;
import dev.labdesk.check.CheckRunner;
import dev.labdesk.kind.CheckStatus;
import dev.labdesk.task.TaskExecutor;
import dev.labdesk.testing.TestPacks;
import dev.labdesk.testing.TestServer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabSessionTest {

    @TempDir
    Path dir;

    private final TaskExecutor pool = TaskExecutor.pool("test");
    private final TestServer server = TestServer.start();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        server.close();
        pool.close();
    }

    @Test
    void cancelStopsTheRunningChecksAndTheNextRunStillWorks() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstArrived = new CountDownLatch(1);
        server.route("/health", ex -> {
            if (calls.incrementAndGet() == 1) {
                firstArrived.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            TestServer.respond(ex, 200, "text/plain", "ok");
        });
        TestPacks.Fixture f = TestPacks.lab(dir, TestPacks.checks("- {id: health, http.get: " + server.url("/health") + "}"));
        try (LabSession session = new LabSession(TestPacks.registry(), pool, f.pack(), f.lab(), f.workspace(), false)) {
            CompletableFuture<CheckReport> first = CompletableFuture.supplyAsync(
                    () -> session.check(CheckRunner.Policy.DEFAULT, CheckRunner.Listener.NONE));
            assertThat(firstArrived.await(10, TimeUnit.SECONDS)).isTrue();
            session.cancel();
            assertThat(first.get(5, TimeUnit.SECONDS).results().get(0).status()).isEqualTo(CheckStatus.SKIP);

            CheckReport second = session.check();
            assertThat(second.results().get(0).status()).isEqualTo(CheckStatus.PASS);
        }
    }
}
