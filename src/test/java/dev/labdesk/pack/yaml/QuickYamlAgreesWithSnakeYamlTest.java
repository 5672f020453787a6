package dev.labdesk.pack.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.pack.Problems;
import dev.labdesk.pack.SourcePos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The quick reader either gives up or reads exactly what SnakeYAML reads: the same values, the same
 * positions, the same problems (duplicate keys, merges). Held against every YAML block of the bundled
 * course and the example and broken packs, hand-picked edge cases, and seeded mutations of them all.
 */
class QuickYamlAgreesWithSnakeYamlTest {

    private static final Resolver RESOLVER = new Resolver();

    /** Reads with both readers; returns whether the quick one took the text. */
    private static boolean agrees(String yaml) {
        Problems quickProblems = new Problems();
        Problems snakeProblems = new Problems();
        YamlReader.Locator at = (line, col) -> new SourcePos(Path.of("lab.md"), 1 + line, col + 1);
        YamlReader.Result quick = YamlReader.parse(yaml, at, quickProblems, true);
        YamlReader.Result snake = YamlReader.parse(yaml, at, snakeProblems, false);
        assertThat(quick.node()).as("value read from:%n%s", yaml).isEqualTo(snake.node());
        assertThat(quick.failed()).as("failure of:%n%s", yaml).isEqualTo(snake.failed());
        assertThat(quickProblems.all()).as("problems in:%n%s", yaml).isEqualTo(snakeProblems.all());
        return QuickYaml.read(yaml, RESOLVER) != null;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "id: app\ntitle: An app\n",
        "- id: a\n  file.exists: app.py\n  expect: {type: file, nonEmpty: true}\n- id: b\n  eventually: 30s\n",
        "expect:\n  $.name: lab-1\n  $.replicas: {min: 1, max: 5}\n",
        "key:\n- one\n- two\nnext: 3\n",
        "a:\n  b:\n    c: [1, 2.5, -3, 0x1F, 0o17, 017, 1_000, .inf, -.Inf, .nan, 1e3]\n",
        "bools: [yes, No, on, OFF, true, False, y, n, ~, null, Null, '']\n",
        "'quoted key': \"double value\"\nit''s: 'it''s'\n",
        "url: http://127.0.0.1:8080/health?x=1#frag\nregex: \"hel+o\"\n",
        "a: b # comment\n# full line\nc: d#not-a-comment\n",
        "dup: 1\ndup: 2\n",
        "base: {a: 1}\nuse:\n  <<: {b: 2}\n  c: 3\n",
        "<<: [{a: 1}, {b: 2}]\nc: 3\n",
        "- - nested\n",
        "- [a, [b, c], {d: e}]\n- {}\n- []\n",
        "a: b\n  continued\n",
        "a: b\n\n   # indented comment\nc: d\n",
        "a:\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "text: |\n  line\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "a:\tb\n",
        "a: \"esc\\n\"\n",
        "a: 'unterminated\n",
        "a: [1, 2\n",
        "a: [1, 2,]\n",
        "a: {x: }\n",
        "a: {x:1}\n",
        "a: b: c\n",
        "a : b\n",
        "? complex\n: value\n",
        "- a\nb: 1\n",
        "a: 1\n - b\n",
        "  a: 1\nb: 2\n",
        "just a scalar\n",
        "[1, 2]\n",
        "a: -\n",
        "a: -1\nb: - x\n",
        "a: [-1, - 2]\n",
        "a: x]\nb: y}\nc: z,\nd: w[0]\n",
        "a: [x y, 'q, r', \"s]\"]\n",
        "a: b #\nc: \"d\" # e\n",
        "a: \"d\"# e\n",
        "-#x\n",
        "-\n  a: 1\n",
        "- a: 1\n  b: 2\n- c\n",
        "- a:\n  - 1\n  b: 2\n",
        "- a:\n    x: 1\n  b: 2\n",
        "a:\n    - 1\n    - 2\n  \nb: 2\n",
        "é: ünïcödé — text\n",
        "a: 1\r\nb: 2\r\n",
        "\uFEFFa: 1\n",
        "a: %x\nb: @y\nc: `z`\n",
        "{a: 1}\n",
        "a: {\"k\": v}\n",
        "a: ['x': y]\n",
        "a: [a: b]\n",
        "",
        "# only a comment\n",
        "a: 1",
        "a: 1\n\n\n",
    })
    void editCasesAgree(String yaml) {
        agrees(yaml);
    }

    @Test
    void everyYamlBlockOfTheBundledCourseAgreesAndMostAreReadQuickly() throws IOException {
        List<String> corpus = corpus();
        int quick = 0;
        for (String yaml : corpus) {
            quick += agrees(yaml) ? 1 : 0;
        }
        assertThat(corpus).hasSizeGreaterThan(200);
        // The point of the quick reader: it must take the ordinary blocks, not just agree by giving up.
        assertThat(quick).as("blocks read quickly out of %d", corpus.size()).isGreaterThan(corpus.size() * 3 / 4);
    }

    @Test
    void mutatedBlocksStillAgree() throws IOException {
        List<String> corpus = corpus();
        Random random = new Random(20261126L);
        int quick = 0;
        int total = 0;
        for (String yaml : corpus) {
            for (int i = 0; i < 25; i++) {
                String mutated = mutate(yaml, random);
                quick += agrees(mutated) ? 1 : 0;
                total++;
            }
        }
        // Many mutants are still valid plain YAML; they are the ones that test the quick reader.
        assertThat(quick).as("mutants read quickly out of %d", total).isGreaterThan(total / 5);
    }

    private static final String SIGNIFICANT = " :-#'\"[]{},&*!|>?\n\t%@`\\~.0";

    private static String mutate(String yaml, Random random) {
        if (yaml.isEmpty()) {
            return yaml;
        }
        StringBuilder s = new StringBuilder(yaml);
        int at = random.nextInt(s.length());
        switch (random.nextInt(7)) {
            case 0 -> s.setCharAt(at, SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
            case 1 -> s.insert(at, SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
            case 2 -> s.deleteCharAt(at);
            case 3 -> s.setLength(at);
            case 4 -> {
                int start = s.lastIndexOf("\n", at) + 1;
                s.insert(start, random.nextBoolean() ? "  " : " ");
            }
            case 5 -> {
                int start = s.lastIndexOf("\n", at) + 1;
                if (s.length() > start && s.charAt(start) == ' ') {
                    s.deleteCharAt(start);
                }
            }
            default -> {
                int start = s.lastIndexOf("\n", at) + 1;
                int end = s.indexOf("\n", at);
                String line = s.substring(start, end < 0 ? s.length() : end + 1);
                s.insert(start, line.endsWith("\n") ? line : line + "\n");
            }
        }
        return s.toString();
    }

    /** The YAML of every pack.yaml, front matter and fenced lab block under the course and test packs. */
    private static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String root : List.of("labs", "notes", "docs", "src/test/resources/broken")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (name.equals("pack.yaml")) {
                        texts.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                    } else if (name.endsWith(".md")) {
                        blocks(new String(Files.readAllBytes(f), StandardCharsets.UTF_8), texts);
                    }
                }
            }
        }
        return texts;
    }

    /** Front matter and the content of fences opened with a lab: info string, the fence's indent removed. */
    private static void blocks(String markdown, List<String> texts) {
        String[] lines = markdown.split("\n", -1);
        int i = 0;
        if (lines.length > 0 && lines[0].equals("---")) {
            StringBuilder front = new StringBuilder();
            for (i = 1; i < lines.length && !lines[i].equals("---"); i++) {
                front.append(lines[i]).append('\n');
            }
            texts.add(front.toString());
            i++;
        }
        for (; i < lines.length; i++) {
            String stripped = lines[i].stripLeading();
            if (!stripped.startsWith("```lab:")) {
                continue;
            }
            int indent = lines[i].length() - stripped.length();
            StringBuilder block = new StringBuilder();
            for (i++; i < lines.length && !lines[i].strip().equals("```"); i++) {
                String line = lines[i];
                block.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line.strip())
                        .append('\n');
            }
            texts.add(block.toString());
        }
    }
}
