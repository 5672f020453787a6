package dev.labdesk.pack.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.labdesk.pack.Problem;
import dev.labdesk.pack.Problems;
import dev.labdesk.pack.SourcePos;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeCheckerTest {

    private static final Path FILE = Path.of("lab.md");

    private final Problems problems = new Problems();

    private List<Problem> check(Shape shape, String yaml) {
        return check(shape, yaml, "bad-value", ShapeEnv.NONE);
    }

    private List<Problem> check(Shape shape, String yaml, String code, ShapeEnv env) {
        YNode node = YamlReader.read(yaml, FILE, 1, 0, problems);
        assertThat(problems.all()).as("YAML of the test itself").isEmpty();
        ShapeChecker.check(shape, node, "body", new ShapeChecker.Ctx(problems, "lab:test", code, env));
        return problems.sorted();
    }

    private static SourcePos at(int line, int col) {
        return new SourcePos(FILE, line, col);
    }

    private static final Shape.Obj BODY = Shapes.obj()
            .required("url", Shapes.url(), "where to send it")
            .optional("method", Shapes.values("GET", "POST"))
            .optional("timeout", Shapes.duration())
            .optional("retries", Shapes.integer(0, 5))
            .optional("verbose", Shapes.bool())
            .optional("tags", Shapes.listOrOne(Shapes.id()))
            .optional("env", Shapes.mapOf(Shapes.text(), Shapes.text()))
            .build();

    @Test
    void reportsEveryMismatchAtTheOffendingValueOrKey() {
        List<Problem> found = check(BODY, "method: GTE\ntimeout: soon\nretries: 9\nverbose: maybe\n"
                + "tags: [ok, 'bad id']\nenv: {A: [1]}\nextra: 1\n");

        assertThat(found).extracting(Problem::pos, Problem::code).containsExactly(
                tuple(at(1, 1), "missing-field"),
                tuple(at(1, 9), "bad-value"),
                tuple(at(2, 10), "bad-value"),
                tuple(at(3, 10), "bad-value"),
                tuple(at(4, 10), "bad-value"),
                tuple(at(5, 12), "bad-value"),
                tuple(at(6, 10), "bad-value"),
                tuple(at(7, 1), "unknown-key"));
        assertThat(found.get(0).message()).contains("needs 'url'").contains("where to send it");
        assertThat(found.get(1).message()).contains("(did you mean 'GET'?)");
        assertThat(found.get(7).message()).contains("unknown key 'extra'").contains("allowed: url, method");
    }

    @Test
    void unknownKeysSuggestTheClosestKnownKey() {
        List<Problem> found = check(BODY, "url: http://127.0.0.1/\nmethd: GET\n");

        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.pos()).isEqualTo(at(2, 1));
            assertThat(p.message()).contains("(did you mean 'method'?)");
        });
    }

    @Test
    void aValidBodyHasNoProblems() {
        assertThat(check(BODY, "url: https://example.org/x\nmethod: POST\ntimeout: 1m30s\nretries: 0\n"
                + "verbose: false\ntags: one\nenv: {A: b}\n")).isEmpty();
    }

    @Test
    void insideExpectEveryProblemUsesTheExpectCode() {
        List<Problem> found = check(BODY, "method: 1\nzzz: 2\n", "invalid-expect", ShapeEnv.NONE);

        assertThat(found).extracting(Problem::code).containsOnly("invalid-expect").hasSize(3);
    }

    @Test
    void wrongYamlTypesSayWhatToWrite() {
        List<Problem> found = check(BODY, "- a\n- b\n");

        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.pos()).isEqualTo(at(1, 1));
            assertThat(p.message()).contains("must be a mapping with keys url, method").contains("not a list");
        });
    }

    @Test
    void anEmptyValueIsReportedWhereTheValueShouldBe() {
        List<Problem> found = check(BODY, "url:\n");

        assertThat(found).singleElement().satisfies(p -> assertThat(p.message()).contains("is empty"));
    }

    @Test
    void matcherAcceptsValuesListsAndOperators() {
        Shape expectations = Shapes.jsonExpectations();

        assertThat(check(expectations, "$.a: 1\n$.b: [1, 2]\n$.c: {min: 1, max: 3}\n$.d: {regex: '^ok'}\n"
                + "$.e: {type: array, length: 2}\n$.f: {exists: false}\n$.g: {oneOf: [a, b]}\n$.h: {equals: {x: 1}}\n"
                + "$.i: {notEquals: 2, contains: x}\n$.j: ~\n")).isEmpty();
    }

    @Test
    void matcherReportsBadOperatorsAndPaths() {
        List<Problem> found = check(Shapes.jsonExpectations(),
                "status: 200\n$.a: {min: high}\n$.b: {regex: '(('}\n$.c: {type: text}\n$.d: {mni: 1}\n$..[: 1\n");

        assertThat(found).extracting(Problem::pos).containsExactly(
                at(1, 1), at(2, 12), at(3, 14), at(4, 13), at(5, 7), at(6, 1));
        assertThat(found.get(0).message()).contains("start it with '$', like '$.status'");
        assertThat(found.get(4).message()).contains("(did you mean 'min'?)");
    }

    @Test
    void oneOfPicksTheOptionByTheNodesType() {
        Shape urlOrRequest = Shapes.oneOf("a URL or a request", Shapes.url(),
                Shapes.obj().required("url", Shapes.url()).build());

        assertThat(check(urlOrRequest, "http://127.0.0.1:8080/")).isEmpty();
        assertThat(check(urlOrRequest, "url: nope\n")).extracting(Problem::pos).containsExactly(at(1, 6));
    }

    @Test
    void pathsMustStayInsideAndExistWhenAsked() {
        ShapeEnv onlyAppPy = new ShapeEnv() {
            @Override
            public boolean workspaceFileExists(String relativePath) {
                return relativePath.equals("app.py");
            }

            @Override
            public boolean packFileExists(String relativePath) {
                return relativePath.equals("images/base.tar");
            }
        };
        Shape shape = Shapes.obj()
                .optional("a", Shapes.existingWorkspacePath())
                .optional("b", Shapes.existingWorkspacePath())
                .optional("c", Shapes.packFile())
                .optional("d", Shapes.packFile())
                .optional("e", Shapes.relativePath())
                .optional("f", Shapes.relativePath())
                .build();

        List<Problem> found = check(shape, "a: app.py\nb: main.py\nc: images/base.tar\nd: x.tar\ne: ../../etc/passwd\n"
                + "f: /abs\n", "bad-value", onlyAppPy);

        assertThat(found).extracting(Problem::pos, Problem::code).containsExactly(
                tuple(at(2, 4), "missing-file"), tuple(at(4, 4), "missing-file"),
                tuple(at(5, 4), "bad-value"), tuple(at(6, 4), "bad-value"));
    }

    @Test
    void regexAndJsonPathAndIdShapesExplainTheirRule() {
        Shape shape = Shapes.obj().optional("r", Shapes.regex()).optional("p", Shapes.jsonPath())
                .optional("i", Shapes.id()).optional("n", Shapes.number()).optional("t", Shapes.nonBlank()).build();

        List<Problem> found = check(shape, "r: '[a-'\np: x.y\ni: -bad\nn: lots\nt: '  '\n");

        assertThat(found).extracting(Problem::pos).containsExactly(at(1, 4), at(2, 4), at(3, 4), at(4, 4), at(5, 4));
        assertThat(found.get(0).message()).contains("not a valid regular expression");
        assertThat(found.get(2).message()).contains("like 'build-image'");
    }

    @Test
    void acceptsTellsTheYamlTypeAShapeWants() {
        YNode list = YamlReader.read("[a]", FILE, 1, 0, problems);
        YNode scalar = YamlReader.read("a", FILE, 1, 0, problems);

        assertThat(ShapeChecker.accepts(Shapes.listOrOne(Shapes.text()), scalar)).isTrue();
        assertThat(ShapeChecker.accepts(Shapes.listOf(Shapes.text()), scalar)).isFalse();
        assertThat(ShapeChecker.accepts(Shapes.text(), list)).isFalse();
        assertThat(ShapeChecker.accepts(Shapes.any(), list)).isTrue();
    }
}
