package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.Cancellation;
import dev.labdesk.testing.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smallest proof that LabDesk reaches the engine: build a FROM-scratch busybox image, see it, remove it. */
@RequiresDocker
class DockerWiringTest {

    @Test
    void buildsATinyScratchImageAndRemovesIt(@TempDir Path context) throws Exception {
        Files.copy(Path.of("/usr/bin/busybox"), context.resolve("busybox"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\nCMD [\"/bin/busybox\", \"true\"]\n");
        String tag = "labdesk-wiring/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ":1";
        String label = "wiring/" + tag;
        DockerJavaEngine engine = DockerJavaEngine.fromEnvironment();
        try {
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            BuildResult r = engine.build(new BuildSpec(context, context.resolve("Dockerfile"), tag, Map.of(),
                    Map.of(DockerEngine.LAB_LABEL, label), true, Duration.ofMinutes(2)), lines::add, new Cancellation());
            assertThat(r.ok()).as(r + "\n" + lines).isTrue();
            assertThat(lines).anyMatch(l -> l.startsWith("Step 1/"));
            ImageInfo image = engine.image(tag).orElseThrow();
            assertThat(image.id()).isEqualTo(r.imageId());
            assertThat(image.cmd()).containsExactly("/bin/busybox", "true");
            assertThat(image.labels()).containsEntry(DockerEngine.LAB_LABEL, label);
            assertThat(engine.removeImage(image.id())).isTrue();
            assertThat(engine.image(tag)).isEmpty();
        } finally {
            // also when an assertion above failed: nothing of this test stays on the shared engine
            engine.imagesLabelled(DockerEngine.LAB_LABEL, label).forEach(i -> engine.removeImage(i.id()));
            assertThat(engine.imagesLabelled(DockerEngine.LAB_LABEL, label)).isEmpty();
            engine.close();
        }
    }
}
