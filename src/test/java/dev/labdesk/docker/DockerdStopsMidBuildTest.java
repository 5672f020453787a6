package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.EnvironmentUnavailable;
import dev.labdesk.testing.LabFixture;
import dev.labdesk.testing.PrivateDockerd;
import dev.labdesk.testing.RecordingListener;
import dev.labdesk.testing.RequiresRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine goes away in the middle of a build: a clear ERROR soon, and no thread left waiting on it. */
@RequiresRoot
class DockerdStopsMidBuildTest {

    @TempDir
    Path dir;

    @Test
    void stoppingDockerdMidBuildGivesAClearErrorWithinTenSecondsAndNoHungThread() throws Exception {
        String fence = "```";
        LabFixture lab = LabFixture.write(dir.resolve("pack"), "id: fault\ntitle: t\nversion: '1'\n", String.join("\n",
                "---", "id: slow", "title: Slow", "---", "## Build",
                fence + "lab:docker-build", "id: build", "tag: labdesk-fault/slow:1", fence, ""));
        Files.copy(Path.of("/usr/bin/busybox"), lab.workspace().resolve("busybox"));
        Files.writeString(lab.workspace().resolve("Dockerfile"),
                "FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"sleep\", \"120\"]\n");
        try (PrivateDockerd dockerd = PrivateDockerd.start()) {
            lab.withService(DockerEngine.class, dockerd.engine());
            Set<Thread> before = dockerJavaThreads();
            RecordingListener events = new RecordingListener();
            CompletableFuture<ActionOutcome> build = CompletableFuture.supplyAsync(() -> {
                try {
                    return new DockerBuildAction().run(lab.action("build"), lab.context(), events);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(events.awaitLine(l -> l.startsWith(" ---> Running in"), 60_000)).as("the slow RUN step started").isTrue();

            // Past two liveness pings with the engine up: the build must still be running when dockerd is stopped.
            Thread.sleep(DockerJavaEngine.WATCH_EVERY.multipliedBy(2).plusMillis(500).toMillis());
            assertThat(build).as("the build is still running before dockerd stops").isNotDone();
            long stopped = System.nanoTime();
            dockerd.stopDaemon();
            Throwable failure = null;
            try {
                ActionOutcome r = build.get(10, TimeUnit.SECONDS);
                failure = new AssertionError("expected the build to end in an ERROR, got " + r);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
            System.out.println("dockerd SIGTERM -> " + (failure == null ? "nothing" : failure.getClass().getSimpleName()) + " after " + ms + " ms");
            assertThat(ms).as("ms from SIGTERM to the result").isLessThan(10_000);
            assertThat(failure).isInstanceOfSatisfying(EnvironmentUnavailable.class, e -> {
                assertThat(e.environment()).isEqualTo("docker");
                assertThat(e.getMessage()).contains("stopped answering while building labdesk-fault/slow:1")
                        .contains("the build was at Step 3/");
                assertThat(e.fix()).contains("docker info");
            });

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            List<Thread> left;
            do {
                left = dockerJavaThreads().stream().filter(t -> !before.contains(t) && t.isAlive()).toList();
                if (!left.isEmpty()) {
                    left.get(0).join(100);
                }
            } while (!left.isEmpty() && System.nanoTime() < deadline);
            assertThat(left).as("docker-java threads still alive:\n" + dump(left)).isEmpty();
        } finally {
            lab.close();
        }
    }

    private static Set<Thread> dockerJavaThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("docker-java")).collect(Collectors.toSet());
    }

    private static String dump(List<Thread> threads) {
        return threads.stream().map(t -> t.getName() + "\n    at " + Arrays.stream(t.getStackTrace())
                .map(String::valueOf).collect(Collectors.joining("\n    at "))).collect(Collectors.joining("\n"));
    }
}
