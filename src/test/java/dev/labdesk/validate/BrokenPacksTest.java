package dev.labdesk.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.core.CorePlugin;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code broken/} is a pack (or a course folder) with planted problems and an
 * {@code expected.txt} listing each one as {@code FILE:LINE:COL: severity [CODE]}. The validator
 * must report exactly that set: every planted problem, at its place, and nothing else.
 */
class BrokenPacksTest {

    static final KindRegistry REGISTRY = KindRegistry.of(List.of(new CorePlugin(), new FixtureKinds()));

    static Path broken() {
        try {
            return Path.of(BrokenPacksTest.class.getResource("/broken").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(broken())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyThePlantedProblems(String name) throws IOException {
        Path dir = broken().resolve(name);
        List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        ValidationReport report = new Validator(REGISTRY).validate(List.of(dir));

        List<String> actual = report.problems().stream().map(p -> describe(dir, p)).toList();
        assertThat(actual).as(String.join("\n", report.problems().stream().map(Problem::format).toList()))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.ok()).isEqualTo(expected.stream().noneMatch(l -> l.contains(": error [")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyMessageIsOneLineThatSaysWhatToDo(String name) {
        ValidationReport report = new Validator(REGISTRY).validate(List.of(broken().resolve(name)));

        assertThat(report.problems()).allSatisfy(p -> {
            assertThat(p.format()).doesNotContain("\n").matches("^.+:\\d+:\\d+: (error|warning): .+ \\[[a-z-]+]$");
            assertThat(p.message()).doesNotContain("Exception").doesNotContain("null");
            assertThat(p.message().length()).isBetween(20, 400);
        });
    }

    @Test
    void coversEveryProblemClassTheFormatDefines() throws IOException {
        assertThat(cases().toList()).contains("yaml-syntax", "missing-field", "missing-front-matter", "unknown-block",
                "unknown-check", "unknown-key", "duplicate-id", "missing-file", "unknown-requires", "invalid-expect",
                "missing-lab", "broken-link", "encoding", "binary-file", "bad-value", "warnings", "empty-pack");
    }

    /** {@code FILE:LINE:COL: severity [CODE]} with FILE relative to the case folder. */
    static String describe(Path dir, Problem p) {
        Path file = p.pos().file().toAbsolutePath().normalize();
        String rel = dir.toAbsolutePath().normalize().relativize(file).toString().replace('\\', '/');
        return rel + ":" + p.pos().line() + ":" + p.pos().col() + ": " + p.severity().label() + " [" + p.code() + "]";
    }
}
