package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.Cancellation;
import dev.labdesk.testing.LabFixture;
import dev.labdesk.testing.RecordingListener;
import dev.labdesk.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lab:docker-build's refusals and failures: BuildKit-only syntax, a failing step, cancellation. */
class DockerBuildActionTest {

    @TempDir
    Path dir;

    private String run;
    private LabFixture lab;

    @BeforeEach
    void writeLab() throws IOException {
        run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String fence = "```";
        lab = LabFixture.write(dir.resolve("pack"), "id: bt-" + run + "\ntitle: t\nversion: '1'\n", String.join("\n",
                "---", "id: build", "title: Build", "---", "## Build",
                fence + "lab:docker-build", "id: build", "context: app", "tag: labdesk-bt/" + run + ":1", "noCache: true", fence,
                fence + "lab:docker-build", "id: escape", "context: ../..", "tag: labdesk-bt/" + run + ":2", fence,
                ""));
        Files.createDirectories(lab.workspace().resolve("app"));
        Files.copy(Path.of("/usr/bin/busybox"), lab.workspace().resolve("app/busybox"));
    }

    @AfterEach
    void cleanUp() {
        try {
            if (DockerGateAccess.available()) {
                DockerEngine engine = lab.registry().service(DockerEngine.class);
                DockerCleanupAction.cleanup(engine, lab.context().labKey(), new RecordingListener());
                assertThat(engine.imagesLabelled(DockerEngine.LAB_LABEL, lab.context().labKey())).isEmpty();
            }
        } finally {
            lab.close();
        }
    }

    private ActionOutcome build(String id, RecordingListener events, Cancellation cancel) throws Exception {
        var action = lab.action(id);
        return new DockerBuildAction().run(action, lab.context(cancel), events);
    }

    private void dockerfile(String... lines) throws IOException {
        Files.writeString(lab.workspace().resolve("app/Dockerfile"), String.join("\n", lines) + "\n");
    }

    @Test
    void buildKitOnlySyntaxIsRefusedBeforeTalkingToTheEngine() throws Exception {
        dockerfile("FROM scratch", "COPY busybox /bin/busybox", "RUN --mount=type=cache,target=/cache [\"/bin/busybox\", \"true\"]");
        ActionOutcome r = build("build", new RecordingListener(), new Cancellation());
        assertThat(r.status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(r.message()).contains("needs BuildKit").contains("classic builder")
                .contains("app/Dockerfile:3: 'RUN --mount' needs BuildKit; copy the files in with COPY before the RUN");
    }

    @Test
    void aContextOutsideTheWorkspaceIsRefused() throws Exception {
        ActionOutcome r = build("escape", new RecordingListener(), new Cancellation());
        assertThat(r.status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(r.message()).contains("is not a folder in your workspace");
    }

    @Test
    void aMissingDockerfileSaysWhereItWasExpected() throws Exception {
        ActionOutcome r = build("build", new RecordingListener(), new Cancellation());
        assertThat(r.status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(r.message()).isEqualTo("There is no Dockerfile at app/Dockerfile in your workspace; create it (the lab's step says what goes in it)");
    }

    @Nested
    @RequiresDocker
    class AgainstTheEngine {

        @Test
        void aFailingStepIsNamedWithItsOutputAndLeavesNoIntermediateImage() throws Exception {
            dockerfile("FROM scratch", "COPY busybox /bin/busybox",
                    "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"echo compiling the app; echo boom >&2; exit 7\"]", "CMD [\"true\"]");
            RecordingListener events = new RecordingListener();
            ActionOutcome r = build("build", events, new Cancellation());
            assertThat(r.status()).isEqualTo(ActionOutcome.Status.FAILED);
            assertThat(r.message()).startsWith("The build of labdesk-bt/" + run + ":1 failed at Step 3/")
                    .contains("RUN [\"/bin/busybox\", \"sh\", \"-c\", \"echo compiling the app; echo boom >&2; exit 7\"]")
                    .contains("returned a non-zero code: 7")
                    .contains("\nOutput of that step:\n  ")
                    // stdout and stderr of a RUN step reach the builder's stream in either order
                    .contains("\n  compiling the app").contains("\n  boom")
                    .doesNotContain("Removing intermediate container");
            assertThat(r.outputs()).containsEntry("failedStep", "3/" + r.outputs().get("failedStep").split("/")[1]);
            String committed = committedBy(events, "COPY busybox /bin/busybox");
            DockerEngine engine = lab.registry().service(DockerEngine.class);
            // the engine lets go of a dropped build's last layer only once it has unwound the build
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (engine.image(committed).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(engine.image(committed)).as("intermediate image " + committed).isEmpty();
        }

        @Test
        void aStepQuieterThanTheEngineWatchStillCompletes() throws Exception {
            // Nothing is printed for longer than two watch periods: the liveness pings must not end the stream.
            long quiet = DockerJavaEngine.WATCH_EVERY.multipliedBy(2).plusSeconds(1).toSeconds();
            dockerfile("FROM scratch", "COPY busybox /bin/busybox", "RUN [\"/bin/busybox\", \"sleep\", \"" + quiet + "\"]");
            ActionOutcome r = build("build", new RecordingListener(), new Cancellation());
            assertThat(r.status()).as(r.message()).isEqualTo(ActionOutcome.Status.OK);
        }

        @Test
        void cancellingStopsTheBuildPromptly() throws Exception {
            dockerfile("FROM scratch", "COPY busybox /bin/busybox", "RUN [\"/bin/busybox\", \"sleep\", \"60\"]");
            RecordingListener events = new RecordingListener();
            Cancellation cancel = new Cancellation();
            CompletableFuture<ActionOutcome> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return build("build", events, cancel);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(events.awaitLine(l -> l.startsWith(" ---> Running in"), 30_000)).as("the RUN step started").isTrue();
            long start = System.nanoTime();
            cancel.cancel();
            ActionOutcome r = result.get(10, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(ActionOutcome.Status.CANCELLED);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("ms from cancel to result").isLessThan(5_000);
            String committed = committedBy(events, "COPY busybox /bin/busybox");
            DockerEngine engine = lab.registry().service(DockerEngine.class);
            // the engine lets go of a dropped build's last layer only once it has unwound the build
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (engine.image(committed).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(engine.image(committed)).as("intermediate image " + committed).isEmpty();
        }
    }

    /** The image id the classic builder printed after the given step. */
    private static String committedBy(RecordingListener events, String step) {
        String all = String.join("\n", events.lines());
        Matcher m = Pattern.compile("Step \\d+/\\d+ : " + Pattern.quote(step) + "\n ---> ([0-9a-f]{12})").matcher(all);
        assertThat(m.find()).as("build log shows the commit of " + step + ":\n" + all).isTrue();
        return m.group(1);
    }
}
