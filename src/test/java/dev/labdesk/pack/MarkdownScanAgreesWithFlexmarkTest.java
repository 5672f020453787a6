package dev.labdesk.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator's line scanner (ADR 0010) and flexmark, which the reader renders with, must see
 * the same headings, fences and links in the Markdown that labs and notes are made of.
 */
class MarkdownScanAgreesWithFlexmarkTest {

    private static final Parser FLEXMARK = Parser.builder(new MutableDataSet()).build();

    static Stream<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        for (String root : List.of("docs", "src/test/resources/broken")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        return docs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void seesTheSameStructureAsTheRenderer(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
        SourceText source = new SourceText(file, text);
        MarkdownScan scan = MarkdownScan.scan(source, new Problems());

        assertThat(mine(scan)).containsExactlyInAnyOrderElementsOf(flexmark(source, scan));
    }

    private static List<String> mine(MarkdownScan scan) {
        List<String> out = new ArrayList<>();
        for (MarkdownScan.Element e : scan.elements()) {
            if (e instanceof MarkdownScan.HeadingAt h) {
                out.add("heading " + h.level() + " line " + h.pos().line() + ": "
                        + (h.explicitId() ? h.text() + " {#" + h.id() + "}" : h.text()));
            } else if (e instanceof MarkdownScan.FenceAt f) {
                out.add("fence line " + (f.contentFirstLine() - 1) + ": " + f.info() + "\n" + f.content().stripTrailing());
            }
        }
        for (MdLink link : scan.links()) {
            out.add((link.image() ? "image " : "link ") + link.pos() + " " + link.url());
        }
        return out;
    }

    /** flexmark on the text with the front matter blanked out, so offsets stay those of the file. */
    private static List<String> flexmark(SourceText source, MarkdownScan scan) {
        String text = source.text();
        if (scan.hasFrontMatter() && text.startsWith("---")) {
            int close = text.indexOf("\n---", 3);
            int end = close < 0 ? 0 : text.indexOf('\n', close + 1) + 1;
            StringBuilder blank = new StringBuilder();
            for (int i = 0; i < end; i++) {
                blank.append(text.charAt(i) == '\n' ? '\n' : ' ');
            }
            text = blank + text.substring(end);
        }
        List<String> out = new ArrayList<>();
        for (Node n : FLEXMARK.parse(text).getDescendants()) {
            if (n instanceof Heading h) {
                out.add("heading " + h.getLevel() + " line " + source.pos(h.getStartOffset()).line() + ": "
                        + h.getText().toString().trim());
            } else if (n instanceof FencedCodeBlock f) {
                out.add("fence line " + source.pos(f.getStartOffset()).line() + ": " + f.getInfo() + "\n"
                        + f.getContentChars().toString().stripTrailing());
            } else if (n instanceof Image i) {
                out.add("image " + source.pos(i.getUrl().getStartOffset()) + " " + i.getUrl());
            } else if (n instanceof Link l) {
                out.add("link " + source.pos(l.getUrl().getStartOffset()) + " " + l.getUrl());
            } else if (n instanceof Reference r) {
                out.add("link " + source.pos(r.getUrl().getStartOffset()) + " " + r.getUrl());
            }
        }
        return out;
    }
}
