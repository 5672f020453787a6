package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.Cancellation;
import dev.labdesk.testing.LabFixture;
import dev.labdesk.testing.RecordingListener;
import dev.labdesk.testing.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An offline pack ships an image tar; lab:docker-load brings it onto the engine. */
@RequiresDocker
class DockerLoadActionTest {

    @TempDir
    Path dir;

    @Test
    void loadsAnImageTarShippedInThePack() throws Exception {
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String tag = "labdesk-load-it/" + run + ":1";
        String fence = "```";
        LabFixture lab = LabFixture.write(dir.resolve("pack"), "id: load-" + run + "\ntitle: t\nversion: '1'\n", String.join("\n",
                "---", "id: offline", "title: Offline", "---", "## Load",
                fence + "lab:docker-load", "id: load", "file: images/base.tar", fence,
                fence + "lab:docker-load", "id: missing", "file: images/none.tar", fence, ""));
        DockerEngine engine = lab.registry().service(DockerEngine.class);
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.copy(Path.of("/usr/bin/busybox"), context.resolve("busybox"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\n");
        try {
            BuildResult built = engine.build(new BuildSpec(context, context.resolve("Dockerfile"), tag, Map.of(),
                    Map.of(DockerEngine.LAB_LABEL, lab.context().labKey()), true, Duration.ofMinutes(2)), l -> { }, new Cancellation());
            assertThat(built.ok()).as(built.toString()).isTrue();
            Path tar = Files.createDirectories(lab.pack().root().resolve("images")).resolve("base.tar");
            engine.save(tag, tar);
            assertThat(Files.size(tar)).isGreaterThan(1_000_000);
            assertThat(engine.removeImage(built.imageId())).isTrue();
            assertThat(engine.image(tag)).isEmpty();

            RecordingListener events = new RecordingListener();
            ActionOutcome loaded = new DockerLoadAction().run(lab.action("load"), lab.context(), events);
            assertThat(loaded.status()).as(loaded.message()).isEqualTo(ActionOutcome.Status.OK);
            assertThat(loaded.message()).isEqualTo("Loaded " + tag);
            assertThat(engine.image(tag)).get().extracting(ImageInfo::id).isEqualTo(built.imageId());

            ActionOutcome missing = new DockerLoadAction().run(lab.action("missing"), lab.context(), new RecordingListener());
            assertThat(missing.status()).isEqualTo(ActionOutcome.Status.FAILED);
            assertThat(missing.message()).isEqualTo("The pack has no file 'images/none.tar' to load; the pack's author must add it");
        } finally {
            DockerCleanupAction.cleanup(engine, lab.context().labKey(), new RecordingListener());
            assertThat(engine.image(tag)).isEmpty();
            lab.close();
        }
    }
}
