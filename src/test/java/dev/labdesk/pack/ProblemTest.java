package dev.labdesk.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void formatsAsFileLineColSeverityMessageAndCode() {
        Problem p = new Problem(new SourcePos(Path.of("labs/p/01-a.md"), 3, 7), Severity.WARNING, "say what to do", "some-code");

        assertThat(p.format()).isEqualTo("labs/p/01-a.md:3:7: warning: say what to do [some-code]");
        assertThat(p.isError()).isFalse();
    }

    @Test
    void controlCharactersFromFileContentCannotBreakTheLineOrDriveTheTerminal() {
        Problem p = new Problem(SourcePos.start(Path.of("a.md")), Severity.ERROR,
                "link 'x\n\u001b[31mred\r\u0085' is broken\u2028", "broken-link");

        assertThat(p.format()).isEqualTo("a.md:1:1: error: link 'x\\u000A\\u001B[31mred\\u000D\\u0085' is broken\\u2028 [broken-link]");
    }

    @Test
    void positionsAreAtLeastLineOneColumnOne() {
        assertThat(new SourcePos(Path.of("a"), 0, -4)).isEqualTo(new SourcePos(Path.of("a"), 1, 1));
    }
}
