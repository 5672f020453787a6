package dev.labdesk.pack.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.pack.Problem;
import dev.labdesk.pack.Problems;
import dev.labdesk.pack.SourcePos;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static final Path FILE = Path.of("lab.md");

    private final Problems problems = new Problems();

    private YNode read(String yaml) {
        return YamlReader.read(yaml, FILE, 1, 0, problems);
    }

    private static SourcePos at(int line, int col) {
        return new SourcePos(FILE, line, col);
    }

    private List<String> codes() {
        return problems.all().stream().map(Problem::code).toList();
    }

    @Test
    void keysAndValuesKeepTheirLineAndColumn() {
        YMap map = (YMap) read("id: app\nnested:\n  port: 8080\nlist:\n  - one\n  - two: 2\n");

        assertThat(map.pos()).isEqualTo(at(1, 1));
        assertThat(map.keyPos("id")).isEqualTo(at(1, 1));
        assertThat(map.get("id").pos()).isEqualTo(at(1, 5));
        YMap nested = (YMap) map.get("nested");
        assertThat(nested.keyPos("port")).isEqualTo(at(3, 3));
        assertThat(nested.get("port").pos()).isEqualTo(at(3, 9));
        YSeq list = (YSeq) map.get("list");
        assertThat(list.items().get(0).pos()).isEqualTo(at(5, 5));
        assertThat(((YMap) list.items().get(1)).keyPos("two")).isEqualTo(at(6, 5));
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void positionsAreShiftedByTheFirstLineAndTheColumnOffset() {
        YMap map = (YMap) YamlReader.read("id: a\nurl: x\n", FILE, 10, 4, problems);

        assertThat(map.keyPos("id")).isEqualTo(at(10, 5));
        assertThat(map.get("url").pos()).isEqualTo(at(11, 10));
    }

    @Test
    void aLocatorPlacesEachLineWithItsOwnIndent() {
        int[] indents = {2, 5};
        YMap map = (YMap) YamlReader.read("a: 1\nb: 2\n", (line, col) -> at(20 + line, col + 1 + indents[line]), problems);

        assertThat(map.keyPos("a")).isEqualTo(at(20, 3));
        assertThat(map.keyPos("b")).isEqualTo(at(21, 6));
    }

    @Test
    void scalarsResolveToPlainJavaValues() {
        YMap map = (YMap) read("s: text\nq: \"8080\"\ni: 8080\nh: 0x1F\nf: 1.5\nb: true\nn: ~\ne:\nbig: 123456789012345678901234\n");

        assertThat(map.toPlain()).isEqualTo(linked("s", "text", "q", "8080", "i", 8080L, "h", 31L, "f", 1.5,
                "b", true, "n", null, "e", null, "big", 1.2345678901234568E23));
        assertThat(((YScalar) map.get("q")).isString()).isTrue();
        assertThat(((YScalar) map.get("i")).asText()).isEqualTo("8080");
        assertThat(((YScalar) map.get("n")).asText()).isEmpty();
    }

    @Test
    void aliasesAreExpandedIntoCopies() {
        YMap map = (YMap) read("base: &b {port: 80}\ncopy: *b\n");

        assertThat(map.get("copy").toPlain()).isEqualTo(Map.of("port", 80L));
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void mergeKeysAddOnlyTheKeysTheMappingLacks() {
        YMap map = (YMap) read("base: &b {port: 80, host: a}\nsite:\n  <<: *b\n  host: b\n");

        YMap site = (YMap) map.get("site");
        assertThat(site.toPlain()).isEqualTo(linked("port", 80L, "host", "b"));
        assertThat(site.keyPos("host")).isEqualTo(at(4, 3));
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void mergingSomethingOtherThanAMappingIsReportedAtIt() {
        read("a: &x [1]\nb:\n  <<: *x\n");

        assertThat(problems.all()).extracting(Problem::pos, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(at(3, 3), "yaml-syntax"));
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondKeyAndTheFirstValueWins() {
        YMap map = (YMap) read("id: one\ntitle: t\nid: two\n");

        assertThat(map.text("id")).isEqualTo("one");
        assertThat(problems.all()).singleElement().satisfies(p -> {
            assertThat(p.pos()).isEqualTo(at(3, 1));
            assertThat(p.code()).isEqualTo("duplicate-key");
            assertThat(p.message()).contains("'id'");
        });
    }

    @Test
    void syntaxErrorsPointAtTheProblemAndSayWhatToDo() {
        YamlReader.Result result = YamlReader.parse("id: a\nurl: http://x: y\n", FILE, 5, 2, problems);

        assertThat(result.node()).isNull();
        assertThat(result.failed()).isTrue();
        assertThat(problems.all()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("yaml-syntax");
            assertThat(p.pos()).isEqualTo(at(6, 16)); // the ': ' after http://x
            assertThat(p.message()).contains("put quotes around a value");
        });
    }

    @Test
    void tabsInIndentationAreReportedWithAHint() {
        read("a:\n\tb: 1\n");

        assertThat(problems.all()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("yaml-syntax");
            assertThat(p.pos().line()).isEqualTo(2);
            assertThat(p.message()).contains("a tab cannot indent YAML; indent with spaces");
        });
    }

    @Test
    void anEmptyDocumentIsNullWithoutAProblem() {
        YamlReader.Result result = YamlReader.parse("  \n# only a comment\n", FILE, 1, 0, problems);

        assertThat(result.node()).isNull();
        assertThat(result.failed()).isFalse();
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void aSecondDocumentIsReportedWhereItStarts() {
        YNode node = read("a: 1\n---\nb: 2\n");

        assertThat(node).isInstanceOf(YMap.class);
        assertThat(problems.all()).extracting(Problem::code).containsExactly("yaml-syntax");
        assertThat(problems.all().get(0).pos().line()).isEqualTo(2);
    }

    @Test
    void anAliasBombIsRefusedWithoutExpandingIt() {
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }

        YamlReader.Result result = YamlReader.parse(bomb.toString(), FILE, 1, 0, problems);

        assertThat(result.node()).isNull();
        assertThat(result.failed()).isTrue();
        assertThat(codes()).containsExactly("yaml-syntax");
        assertThat(problems.all().get(0).message()).containsAnyOf("alias", "aliases");
    }

    @Test
    void manyAliasesToOneBigValueStopAtTheNodeLimit() {
        StringBuilder yaml = new StringBuilder("big: &big [");
        for (int i = 0; i < 3000; i++) {
            yaml.append(i == 0 ? "" : ",").append(i);
        }
        yaml.append("]\nuses: [");
        for (int i = 0; i < 45; i++) {
            yaml.append(i == 0 ? "" : ",").append("*big");
        }
        yaml.append("]\n");

        YamlReader.Result result = YamlReader.parse(yaml.toString(), FILE, 1, 0, problems);

        assertThat(result.failed()).isTrue();
        assertThat(problems.all()).singleElement().satisfies(p -> assertThat(p.message()).contains("100000"));
    }

    @Test
    void aRecursiveAliasIsReportedNotFollowed() {
        YamlReader.Result result = YamlReader.parse("a: &a\n  - *a\n", FILE, 1, 0, problems);

        assertThat(result.node()).isNull();
        assertThat(result.failed()).isTrue();
        assertThat(codes()).containsExactly("yaml-syntax");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        YamlReader.Result result = YamlReader.parse(deep, FILE, 1, 0, problems);

        assertThat(result.failed()).isTrue();
        assertThat(problems.all()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("yaml-syntax");
            assertThat(p.message()).containsIgnoringCase("nest");
        });
    }

    @Test
    void nonPrintableCharactersAreASyntaxProblemWithAPlace() {
        YamlReader.Result result = YamlReader.parse("a: b\nc: \u0007\n", FILE, 3, 0, problems);

        assertThat(result.failed()).isTrue();
        assertThat(problems.all()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("yaml-syntax");
            assertThat(p.pos().line()).isBetween(3, 4);
        });
    }

    @Test
    void complexKeysAreReportedAndSkipped() {
        YMap map = (YMap) read("? [a, b]\n: 1\nok: 2\n");

        assertThat(map.toPlain()).isEqualTo(Map.of("ok", 2L));
        assertThat(problems.all()).extracting(Problem::pos).containsExactly(at(1, 3));
    }

    private static Map<String, Object> linked(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
