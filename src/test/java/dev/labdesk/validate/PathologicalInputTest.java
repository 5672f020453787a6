package dev.labdesk.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.cli.LabdeskCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs that break naive parsers. Whatever the bytes, the validator reports problems with a
 * place and moves on; the CLI exits 2 and prints only {@code FILE:LINE:COL: ...} lines.
 */
class PathologicalInputTest {

    private static final String FRONT = "---\nid: lab\ntitle: Lab\n---\n";

    @TempDir
    Path dir;

    static Stream<Arguments> inputs() {
        Random random = new Random(42);
        byte[] binary = new byte[64 * 1024];
        random.nextBytes(binary);
        binary[100] = 0;
        String aliasBomb = "```lab:check\n- id: bomb\n  file.json: a.json\n  expect:\n"
                + "    $.a: &a [x, x, x, x, x, x, x, x, x]\n"
                + "    $.b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "    $.c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "    $.d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "    $.e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                + "    $.f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                + "    $.g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
                + "    $.h: [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n```\n";
        StringBuilder nestedLists = new StringBuilder(FRONT);
        for (int i = 0; i < 10_000; i++) {
            nestedLists.append(i % 2 == 0 ? "- " : "1. ");
        }
        nestedLists.append("deep\n```lab:hint\ntext: still read\n```\n");
        StringBuilder indentedLists = new StringBuilder(FRONT);
        for (int i = 0; i < 1_500; i++) {
            indentedLists.append("  ".repeat(i)).append("- level\n");
        }
        return Stream.of(
                Arguments.of("empty file", new byte[0]),
                Arguments.of("only front matter dashes", "---".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("binary", binary),
                Arguments.of("5 MB single line", (FRONT + "x".repeat(5 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("5 MB line of brackets", (FRONT + "[".repeat(2_500_000) + "](".repeat(1_250_000))
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("5 MB line of links", (FRONT + "[a](b) ![c](d) `e` ".repeat(260_000))
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("5 MB line of backticks", (FRONT + "`a`` ``b```c".repeat(440_000))
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("5 MB heading", (FRONT + "## a" + " ".repeat(5_000_000) + "b {#x\n")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("5 MB YAML value", (FRONT + "```lab:hint\ntext: " + "y".repeat(5_000_000) + "\n```\n")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("invalid UTF-8", invalidUtf8()),
                Arguments.of("10k-deep YAML flow nesting in front matter",
                        ("---\nid: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\n").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("10k-deep YAML nesting in a check", (FRONT + "```lab:check\n- id: deep\n  file.json: a\n  expect: "
                        + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n```\n").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("10k-deep block quotes", (FRONT + ">".repeat(10_000) + " text\n```lab:hint\ntext: a\n```\n")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("10k-deep block quotes over lines", quotesOverLines()),
                Arguments.of("10k-deep lists on one line", nestedLists.toString().getBytes(StandardCharsets.UTF_8)),
                Arguments.of("1.5k-deep indented lists", indentedLists.toString().getBytes(StandardCharsets.UTF_8)),
                Arguments.of("alias bomb", (FRONT + aliasBomb).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("recursive alias", (FRONT + "```lab:quiz\nquestion: &q [*q]\n```\n").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("200k short paragraphs", (FRONT + "text\n\n".repeat(200_000)).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("100k reference definitions without '>'", (FRONT + "[a]: <b\n".repeat(100_000))
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("10k unclosed fences", (FRONT + "```lab:check\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("control characters", (FRONT + "```lab:hint\ntext: \u0001\u0002\u001b[31m\n```\n\u0000")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("lone surrogates", (FRONT + "## \uD800 step\n```lab:hint\ntext: \uDC00\n```\n")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("CR-only line ends", (FRONT.replace('\n', '\r') + "## a\r```lab:hint\rtext: a\r```\r")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("UTF-16 with BOM", ("\uFEFF" + FRONT + "## Step\n").getBytes(StandardCharsets.UTF_16)));
    }

    private static byte[] invalidUtf8() {
        byte[] text = (FRONT + "## Step\n\nCaf").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 4];
        System.arraycopy(text, 0, out, 0, text.length);
        out[text.length] = (byte) 0xE9;
        out[text.length + 1] = (byte) 0xFF;
        out[text.length + 2] = (byte) 0xC0;
        out[text.length + 3] = '\n';
        return out;
    }

    private static byte[] quotesOverLines() {
        StringBuilder sb = new StringBuilder(FRONT);
        for (int i = 1; i <= 2_000; i++) {
            sb.append(">".repeat(i)).append(" q\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Path pack(byte[] lab) throws IOException {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(pack.resolve("pack.yaml"), "id: p\ntitle: P\nversion: \"1\"\n");
        Files.write(pack.resolve("01-lab.md"), lab);
        return pack;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void theValidatorReportsEveryProblemWithAPlace(String name, byte[] lab) throws IOException {
        Path pack = pack(lab);
        Path note = Files.write(dir.resolve("note.md"), lab);

        ValidationReport report = new Validator(BrokenPacksTest.REGISTRY).validate(List.of(pack, note));

        assertThat(report.problems()).allSatisfy(p -> {
            assertThat(p.pos().file()).isNotNull();
            assertThat(p.pos().line()).isGreaterThanOrEqualTo(1);
            assertThat(p.pos().col()).isGreaterThanOrEqualTo(1);
            assertThat(p.code()).isNotIn("internal", "too-complex");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void theCliPrintsOnlyLocatedProblemsAndNoStackTrace(String name, byte[] lab) throws IOException {
        Path pack = pack(lab);
        Files.writeString(pack.resolve("02-broken.md"), "no front matter\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = LabdeskCli.run(new String[] {"validate", pack.toString()}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).isEqualTo(2);
        assertThat(out.toString().lines().toList()).isNotEmpty().allSatisfy(line ->
                assertThat(line).matches("^.+:\\d+:\\d+: (error|warning): .+ \\[[a-z-]+]$"));
        assertThat(out.toString() + err.toString()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("internal error");
        assertThat(err.toString()).startsWith("invalid: ");
    }

}
