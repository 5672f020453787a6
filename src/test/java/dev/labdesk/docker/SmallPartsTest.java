package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YamlReader;
import dev.labdesk.testing.RecordingListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sizes, ports, command words, the value matcher and build-log reading. */
class SmallPartsTest {

    @Test
    void sizesUseDecimalUnitsLikeDockerImagesAndBinaryOnesWhenAsked() {
        assertThat(Sizes.parse("200MB")).isEqualTo(200_000_000L);
        assertThat(Sizes.parse("1.5GB")).isEqualTo(1_500_000_000L);
        assertThat(Sizes.parse("512KiB")).isEqualTo(524_288L);
        assertThat(Sizes.parse("1234")).isEqualTo(1234L);
        assertThat(Sizes.parse("2 mb")).isEqualTo(2_000_000L);
        assertThat(Sizes.parse("lots")).isEqualTo(-1);
        assertThat(Sizes.format(1_990_000)).isEqualTo("1.99MB");
        assertThat(Sizes.format(155_000_000)).isEqualTo("155MB");
    }

    @Test
    void portsAreHostColonContainer() {
        assertThat(PortSpec.parse("8080:5000")).isEqualTo(new PortSpec(8080, 5000, "tcp"));
        assertThat(PortSpec.parse("53:53/udp")).isEqualTo(new PortSpec(53, 53, "udp"));
        assertThat(PortSpec.parse("8080")).isEqualTo(new PortSpec(8080, 8080, "tcp"));
        assertThat(PortSpec.parse("0.0.0.0:80:80")).isNull();
        assertThat(PortSpec.parse("70000:1")).isNull();
    }

    @Test
    void aCommandStringSplitsLikeShellWordsWithoutAShell() {
        assertThat(DockerKinds.words("python3 -c 'print(\"hi there\")'  --flag \"a b\""))
                .containsExactly("python3", "-c", "print(\"hi there\")", "--flag", "a b");
        assertThat(DockerKinds.words("echo ''")).containsExactly("echo", "");
    }


    @Test
    void buildProgressFollowsStepsAndKeepsTheFailingStepsOutput() {
        RecordingListener events = new RecordingListener();
        BuildProgress p = new BuildProgress(events);
        for (String line : List.of("Step 1/3 : FROM base:1", " ---> 0123456789ab", "Step 2/3 : COPY app /app",
                " ---> 1111111111aa", "Step 3/3 : RUN make", " ---> Running in 2222222222bb", "compiling", "error: boom")) {
            p.line(line);
        }
        assertThat(events.lines()).hasSize(8);
        assertThat(events.progress()).containsExactly("Step 1/3: FROM base:1", "Step 2/3: COPY app /app", "Step 3/3: RUN make");
        assertThat(events.fractions()).containsExactly(0.0, 1 / 3.0, 2 / 3.0);
        assertThat(p.currentStep()).isEqualTo("Step 3/3 : RUN make");
        assertThat(p.stepOutput()).containsExactly("compiling", "error: boom");
        assertThat(p.committed()).as("the base image and cached layers are not this build's").containsExactly("1111111111aa");
    }

    @Test
    void cachedLayersAreNotCountedAsCommitted() {
        BuildProgress p = new BuildProgress(new RecordingListener());
        for (String line : List.of("Step 1/2 : FROM scratch", " ---> ", "Step 2/2 : COPY a /a", " ---> Using cache", " ---> 3333333333cc")) {
            p.line(line);
        }
        assertThat(p.committed()).isEmpty();
    }

    private static YNode yaml(String text) {
        return YamlReader.read(text, Path.of("t.yaml"), 1, 0, new dev.labdesk.pack.Problems());
    }
}
