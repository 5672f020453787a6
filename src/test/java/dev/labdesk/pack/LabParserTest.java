package dev.labdesk.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LabParserTest {

    private static final Path FILE = Path.of("labs/p/03-some-lab.md");

    private final Problems problems = new Problems();

    private Lab parse(String text) {
        return LabParser.parse(new SourceText(FILE, text), problems);
    }

    @Test
    void readsFrontMatterIntoTheLab() {
        Lab lab = parse("---\nid: build\ntitle: Build it\nsummary: S\nrequires: docker\nestimate: 20m\n"
                + "tags: [a, b]\norder: 3\n---\n# Heading\n");

        assertThat(lab).extracting(Lab::id, Lab::title, Lab::summary, Lab::requires, Lab::estimate, Lab::tags, Lab::order)
                .containsExactly("build", "Build it", "S", java.util.List.of("docker"), "20m",
                        java.util.List.of("a", "b"), 3);
        assertThat(lab.fileStem()).isEqualTo("03-some-lab");
        assertThat(lab.idPos()).isEqualTo(new SourcePos(FILE, 2, 1));
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void withoutFrontMatterTheFileNameAndFirstHeadingStandIn() {
        Lab lab = parse("# The title\n\n## Step\n");

        assertThat(lab.id()).isEqualTo("03-some-lab");
        assertThat(lab.title()).isEqualTo("The title");
        assertThat(problems.all()).extracting(Problem::code).containsExactly("missing-front-matter");
    }

    @Test
    void blocksBeforeTheFirstStepBelongToAnIntroStep() {
        Lab lab = parse("---\nid: a\ntitle: A\n---\n# Title\n\n```lab:hint\ntext: early\n```\n\n## One\n\n### Sub\n\n"
                + "```lab:hint\ntext: later\n```\n");

        assertThat(lab.steps()).extracting(Step::id, Step::title, s -> s.blocks().size())
                .containsExactly(tuple("intro", "Title", 1), tuple("one", "One", 1));
    }

    @Test
    void actionsAndQuizzesGetNumberedIdsUnlessTheyNameOne() {
        Lab lab = parse("---\nid: a\ntitle: A\n---\n## S\n\n```lab:http\nurl: http://a/\n```\n\n"
                + "```lab:http\nid: named\nurl: http://b/\n```\n\n```lab:http\nurl: http://c/\n```\n\n"
                + "```lab:quiz\nquestion: q\n```\n");

        assertThat(lab.actions()).extracting(Block.Action::id, Block.Action::hasExplicitId)
                .containsExactly(tuple("http-1", false), tuple("named", true), tuple("http-3", false));
        assertThat(lab.blocks()).filteredOn(Block.Quiz.class::isInstance).extracting(b -> ((Block.Quiz) b).id())
                .containsExactly("quiz-1");
    }

    @Test
    void aCheckTakesTheKeyThatLooksLikeAKindAsItsKind() {
        Lab lab = parse("---\nid: a\ntitle: A\n---\n## S\n\n```lab:check\n- id: one\n  typo: x\n  file.exists: app.py\n"
                + "  eventually: 30s\n  timeout: 500ms\n  hint: H\n  title: T\n```\n\n```lab:check\nid: single\ncommand: ls\n```\n");

        assertThat(lab.checks()).extracting(CheckSpec::id, CheckSpec::kind, CheckSpec::eventually, CheckSpec::timeout,
                        CheckSpec::hint, CheckSpec::displayName)
                .containsExactly(
                        tuple("one", "file.exists", Duration.ofSeconds(30), Duration.ofMillis(500), "H", "T"),
                        tuple("single", "command", null, null, null, "single"));
        assertThat(lab.checks().get(0).kindPos()).isEqualTo(new SourcePos(FILE, 10, 3));
    }

    @Test
    void anUnreadableBlockIsReportedOnceAndTheRestIsStillRead() {
        Lab lab = parse("---\nid: a\ntitle: A\n---\n## S\n\n```lab:check\n- id: [\n```\n\n## T\n\n"
                + "```lab:check\n- id: fine\n  file.exists: a\n```\n");

        assertThat(problems.all()).extracting(Problem::code).containsExactly("yaml-syntax");
        assertThat(lab.checks()).extracting(CheckSpec::id).containsExactly("fine");
        assertThat(lab.steps()).extracting(Step::id).containsExactly("s", "t");
    }

    @Test
    void linksAndAnchorsAreKeptForTheLinkCheck() {
        Lab lab = parse("---\nid: a\ntitle: A\n---\n## Step {#s}\n\nSee [b](02-b.md#x).\n");

        assertThat(lab.anchors()).containsExactly("s");
        assertThat(lab.links()).extracting(MdLink::url, MdLink::pos)
                .containsExactly(tuple("02-b.md#x", new SourcePos(FILE, 7, 9)));
    }
}
