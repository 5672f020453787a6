package dev.labdesk.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/lab-pack-format.md stays true to the example pack and to the codes the validator uses. */
class FormatReferenceTest {

    private static final Path DOC = Path.of("docs/lab-pack-format.md");
    private static final Path EXAMPLE = Path.of("docs/example-pack");

    @Test
    void theReferenceShowsTheExamplePackFilesAsTheyAre() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        for (String file : List.of("pack.yaml", "01-hello-service.md", "02-config-files.md")) {
            assertThat(doc).as(file).contains(Files.readString(EXAMPLE.resolve(file), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCodeTableExplainsEveryCodeTheFixturesExpect() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Set<String> codes = new TreeSet<>();
        Pattern code = Pattern.compile("\\[([a-z-]+)]\\s*$");
        try (Stream<Path> expected = Files.walk(BrokenPacksTest.broken())) {
            for (Path f : expected.filter(p -> p.getFileName().toString().equals("expected.txt")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = code.matcher(line);
                    if (!line.startsWith("#") && m.find()) {
                        codes.add(m.group(1));
                    }
                }
            }
        }

        assertThat(codes).hasSizeGreaterThan(15).allSatisfy(c -> assertThat(doc).contains("| `" + c + "` |"));
    }
}
