package dev.labdesk.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.labdesk.pack.MarkdownScan.FenceAt;
import dev.labdesk.pack.MarkdownScan.HeadingAt;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownScanTest {

    private static final Path FILE = Path.of("lab.md");

    private final Problems problems = new Problems();

    private MarkdownScan scan(String text) {
        return MarkdownScan.scan(new SourceText(FILE, text), problems);
    }

    private static SourcePos at(int line, int col) {
        return new SourcePos(FILE, line, col);
    }

    private static List<HeadingAt> headings(MarkdownScan scan) {
        return scan.elements().stream().filter(HeadingAt.class::isInstance).map(HeadingAt.class::cast).toList();
    }

    private static List<FenceAt> fences(MarkdownScan scan) {
        return scan.elements().stream().filter(FenceAt.class::isInstance).map(FenceAt.class::cast).toList();
    }

    /** Reads a fence's YAML the way the lab parser does. */
    private YMap yaml(FenceAt fence) {
        return (YMap) YamlReader.read(fence.content(), fence.locator(), problems);
    }

    @Test
    void headingsGetSlugsAndExplicitIds() {
        MarkdownScan scan = scan("# Lab title\n\n## Build the image\n\n### Run it! {#run}\n\n## Build the image\n");

        assertThat(headings(scan)).extracting(HeadingAt::level, HeadingAt::text, HeadingAt::id, HeadingAt::anchor,
                        HeadingAt::explicitId, HeadingAt::pos)
                .containsExactly(
                        tuple(1, "Lab title", "lab-title", "lab-title", false, at(1, 1)),
                        tuple(2, "Build the image", "build-the-image", "build-the-image", false, at(3, 1)),
                        tuple(3, "Run it!", "run", "run", true, at(5, 1)),
                        tuple(2, "Build the image", "build-the-image", "build-the-image-1", false, at(7, 1)));
        assertThat(scan.anchors()).containsExactlyInAnyOrder("lab-title", "build-the-image", "run", "build-the-image-1");
    }

    @Test
    void closingHashesAndSetextUnderlinesMakeHeadingsToo() {
        MarkdownScan scan = scan("Intro\n=====\n\nSecond part\n---\n\n## Closed ##\n#NotAHeading\n");

        assertThat(headings(scan)).extracting(HeadingAt::level, HeadingAt::text, HeadingAt::pos)
                .containsExactly(tuple(1, "Intro", at(1, 1)), tuple(2, "Second part", at(4, 1)),
                        tuple(2, "Closed", at(7, 1)));
    }

    @Test
    void headingsInsideCodeOrHtmlAreNotHeadings() {
        MarkdownScan scan = scan("```\n## not a step\n```\n\n    ## indented code\n\n<!--\n## commented out\n-->\n\n## Real\n");

        assertThat(headings(scan)).extracting(HeadingAt::text).containsExactly("Real");
    }

    @Test
    void anHtmlBlockEndsAtABlankLineOrItsClosingMarker() {
        MarkdownScan scan = scan("<div align=\"center\">\n## inside html\n\n## After div\n\n<!-- one\n\n## still a comment\n-->\n"
                + "## After comment\n<details>\n\n## Inside details, after a blank line\n");

        assertThat(headings(scan)).extracting(HeadingAt::text)
                .containsExactly("After div", "After comment", "Inside details, after a blank line");
    }

    @Test
    void aFenceKnowsItsInfoContentAndWhereTheInfoIs() {
        MarkdownScan scan = scan("Text\n\n```lab:check {.wide}\n- id: a\n  file.exists: app.py\n```\n");

        FenceAt fence = fences(scan).get(0);
        assertThat(fence.info()).isEqualTo("lab:check {.wide}");
        assertThat(fence.firstWord()).isEqualTo("lab:check");
        assertThat(fence.pos()).isEqualTo(at(3, 4));
        assertThat(fence.content()).isEqualTo("- id: a\n  file.exists: app.py\n");
        assertThat(fence.contentFirstLine()).isEqualTo(4);
    }

    @Test
    void yamlInAFenceInsideAListItemIsPlacedAtItsRealColumn() {
        String md = "1. Write the file.\n"
                + "2. Check it:\n"
                + "\n"
                + "   ```lab:check\n"
                + "   - id: config\n"
                + "     file.json: config.json\n"
                + "   ```\n";

        FenceAt fence = fences(scan(md)).get(0);

        assertThat(fence.pos()).isEqualTo(at(4, 7));
        assertThat(fence.content()).isEqualTo("- id: config\n  file.json: config.json\n");
        YMap check = (YMap) ((dev.labdesk.pack.yaml.YSeq) YamlReader.read(fence.content(), fence.locator(), problems))
                .items().get(0);
        assertThat(check.get("id").pos()).isEqualTo(at(5, 10));
        assertThat(check.keyPos("file.json")).isEqualTo(at(6, 6));
    }

    @Test
    void yamlInAFenceInsideNestedListsAndQuotesIsPlacedAtItsRealColumn() {
        String md = "- outer\n"
                + "  - inner\n"
                + "    ```lab:http\n"
                + "    url: http://127.0.0.1/\n"
                + "    ```\n"
                + "\n"
                + "> Note\n"
                + "> ```lab:hint\n"
                + "> text: look again\n"
                + "> ```\n";

        List<FenceAt> fences = fences(scan(md));

        assertThat(fences).extracting(FenceAt::firstWord).containsExactly("lab:http", "lab:hint");
        assertThat(yaml(fences.get(0)).get("url").pos()).isEqualTo(at(4, 10));
        assertThat(yaml(fences.get(1)).keyPos("text")).isEqualTo(at(9, 3));
        assertThat(fences.get(1).pos()).isEqualTo(at(8, 6));
    }

    @Test
    void anIndentedFenceStripsOnlyItsOwnIndentFromContentLines() {
        String md = "  ```lab:http\n  url: http://a/\nmethod: GET\n  ```\n";

        FenceAt fence = fences(scan(md)).get(0);
        YMap body = yaml(fence);

        assertThat(body.keyPos("url")).isEqualTo(at(2, 3));
        assertThat(body.keyPos("method")).isEqualTo(at(3, 1));
    }

    @Test
    void tildeFencesLongerFencesAndUnclosedFences() {
        String md = "~~~lab:hint\ntext: a\n~~~\n\n````md\n```lab:check\n```\n````\n\n```lab:quiz\nquestion: q\n";

        List<FenceAt> fences = fences(scan(md));

        assertThat(fences).extracting(FenceAt::firstWord).containsExactly("lab:hint", "md", "lab:quiz");
        assertThat(fences.get(1).content()).isEqualTo("```lab:check\n```\n");
        assertThat(fences.get(2).content()).isEqualTo("question: q\n");
    }

    @Test
    void aFenceInAListEndsWithTheList() {
        String md = "- item\n  ```lab:hint\n  text: a\nnot in the item\n";

        FenceAt fence = fences(scan(md)).get(0);

        assertThat(fence.content()).isEqualTo("text: a\n");
    }

    @Test
    void frontMatterIsReadAndLinesStayThoseOfTheFile() {
        MarkdownScan scan = scan("---\nid: lab\ntitle: T\n---\n# Title\n");

        assertThat(scan.hasFrontMatter()).isTrue();
        assertThat(((YMap) scan.frontMatter()).get("title").pos()).isEqualTo(at(3, 8));
        assertThat(headings(scan)).extracting(HeadingAt::pos).containsExactly(at(5, 1));
    }

    @Test
    void frontMatterWithWindowsLineEndings() {
        MarkdownScan scan = scan("---\r\nid: lab\r\n---\r\n## Step\r\n```lab:hint\r\ntext: a\r\n```\r\n");

        assertThat(((YMap) scan.frontMatter()).text("id")).isEqualTo("lab");
        assertThat(headings(scan)).extracting(HeadingAt::text).containsExactly("Step");
        assertThat(yaml(fences(scan).get(0)).get("text").pos()).isEqualTo(at(6, 7));
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void unclosedFrontMatterIsReportedAtTheFirstLine() {
        MarkdownScan scan = scan("---\nid: lab\n# Title\n");

        assertThat(scan.hasFrontMatter()).isTrue();
        assertThat(scan.frontMatter()).isNull();
        assertThat(problems.all()).extracting(Problem::pos, Problem::code).containsExactly(tuple(at(1, 1), "yaml-syntax"));
    }

    @Test
    void noFrontMatterWhenTheFileDoesNotStartWithDashes() {
        MarkdownScan scan = scan("\n---\nid: x\n---\n");

        assertThat(scan.hasFrontMatter()).isFalse();
    }

    @Test
    void linksImagesAndReferenceDefinitionsKeepTheColumnOfTheirUrl() {
        String md = "See [the note](../notes/intro.md#setup) and ![diagram](assets/d.png \"Title\").\n"
                + "A badge [![b](assets/b.svg)](https://example.org) and <https://auto.link>.\n"
                + "\n"
                + "[ref]: ./02-next.md\n"
                + "  [other]: <with space.md> \"t\"\n";

        assertThat(scan(md).links()).extracting(MdLink::url, MdLink::image, MdLink::pos).containsExactly(
                tuple("../notes/intro.md#setup", false, at(1, 16)),
                tuple("assets/d.png", true, at(1, 56)),
                tuple("https://example.org", false, at(2, 30)),
                tuple("assets/b.svg", true, at(2, 15)),
                tuple("./02-next.md", false, at(4, 8)),
                tuple("with space.md", false, at(5, 13)));
    }

    @Test
    void linksWrappedOverLinesInListsAndQuotesKeepTheirPosition() {
        String md = "- step one, see [the\n  docs](docs/a.md)\n\n> quoted [x](q.md)\n";

        assertThat(scan(md).links()).extracting(MdLink::url, MdLink::pos)
                .containsExactly(tuple("docs/a.md", at(2, 9)), tuple("q.md", at(4, 14)));
    }

    @Test
    void codeSpansEscapesAndCodeBlocksHoldNoLinks() {
        String md = "Write `[x](not-a-link.md)` or \\[y](escaped.md).\n\n    [z](indented.md)\n\n```\n[w](fenced.md)\n```\n";

        assertThat(scan(md).links()).isEmpty();
    }

    @Test
    void linksInHeadingsAndTablesAreFound() {
        String md = "## See [setup](#setup)\n\n| a | b |\n|---|---|\n| [x](x.md) | y |\n";

        assertThat(scan(md).links()).extracting(MdLink::url, MdLink::pos)
                .containsExactly(tuple("#setup", at(1, 16)), tuple("x.md", at(5, 7)));
    }

    @Test
    void externalLinksAreRecognisedByTheirScheme() {
        assertThat(new MdLink("https://x.org", false, at(1, 1)).external()).isTrue();
        assertThat(new MdLink("mailto:a@b.c", false, at(1, 1)).external()).isTrue();
        assertThat(new MdLink("notes/a.md", false, at(1, 1)).external()).isFalse();
        assertThat(new MdLink("#anchor", false, at(1, 1)).external()).isFalse();
    }

    @Test
    void deeplyNestedQuotesAndListsAreReadAsTextPastTheLimit() {
        String quotes = ">".repeat(10_000) + " ## deep\n```lab:hint\ntext: a\n```\n";
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            lists.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }

        MarkdownScan q = scan(quotes);
        MarkdownScan l = scan(lists.toString());

        assertThat(fences(q)).extracting(FenceAt::firstWord).containsExactly("lab:hint");
        assertThat(l.elements()).isEmpty();
    }

    @Test
    void slugDropsPunctuationAndLowersCase() {
        assertThat(MarkdownScan.slug("Build & run: the `app` (v2)")).isEqualTo("build--run-the-app-v2");
        assertThat(MarkdownScan.slug("Ünïcode Stays")).isEqualTo("ünïcode-stays");
    }
}
