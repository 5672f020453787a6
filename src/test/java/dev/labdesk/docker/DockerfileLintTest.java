package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileLintTest {

    @Test
    void runMountIsBuildKitOnly() {
        List<DockerfileLint.Finding> f = DockerfileLint.buildKitOnly("FROM python:3\nRUN --mount=type=cache,target=/root/.cache pip install flask\n");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.feature()).isEqualTo("'RUN --mount'");
            assertThat(x.describe("Dockerfile")).startsWith("Dockerfile:2: 'RUN --mount' needs BuildKit; copy the files in with COPY");
        });
    }

    @Test
    void syntaxDirectiveAtTheTopIsBuildKitOnly() {
        assertThat(DockerfileLint.buildKitOnly("# syntax=docker/dockerfile:1\nFROM scratch\n"))
                .extracting(DockerfileLint.Finding::line).containsExactly(1);
    }

    @Test
    void aSyntaxCommentAfterTheFirstInstructionIsJustAComment() {
        assertThat(DockerfileLint.buildKitOnly("FROM scratch\n# syntax=docker/dockerfile:1\n")).isEmpty();
    }

    @Test
    void heredocsAndCopyLinkAreBuildKitOnly() {
        String df = "FROM scratch\nRUN <<EOF\necho hi\nEOF\nCOPY --link app /app\nCOPY --chmod=755 run.sh /run.sh\n";
        assertThat(DockerfileLint.buildKitOnly(df)).extracting(DockerfileLint.Finding::line).containsExactly(2, 5, 6);
    }

    @Test
    void classicDockerfilesPass() {
        String df = "FROM labdesk/python-flask:bookworm\nWORKDIR /app\nCOPY --chown=1000:1000 app.py .\n"
                + "RUN echo \"--mount is just text here\" && cat <<<'x'\nEXPOSE 5000\nCMD [\"python3\", \"app.py\"]\n";
        assertThat(DockerfileLint.buildKitOnly(df)).isEmpty();
    }
}
