package dev.labdesk.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchersTest {

    private static Map<String, Object> ops(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void plainValuesCompareSemantically() {
        assertThat(Matchers.match("$.n", 1L, 1.0).ok()).isTrue();
        assertThat(Matchers.match("$.n", 1.5, 1.50).ok()).isTrue();
        assertThat(Matchers.match("$.port", "8080", 8080).ok()).isTrue();
        assertThat(Matchers.match("$.port", 8080L, "8080").ok()).isTrue();
        assertThat(Matchers.match("$.s", "ok", "  ok\n").ok()).isTrue();
        assertThat(Matchers.match("$.b", true, "true").ok()).isTrue();
        assertThat(Matchers.match("$.x", null, null).ok()).isTrue();
        assertThat(Matchers.match("$.list", List.of(1L, "a"), List.of(1.0, " a ")).ok()).isTrue();
        assertThat(Matchers.match("$", ops("equals", Map.of("a", 1L)), Map.of("a", 1.0)).ok()).isTrue();
    }

    @Test
    void differentValuesFailWithReadableSentences() {
        Matchers.Verdict v = Matchers.match("$.status", "ok", "down");
        assertThat(v.ok()).isFalse();
        assertThat(v.expected()).isEqualTo("$.status = \"ok\"");
        assertThat(v.actual()).isEqualTo("$.status = \"down\"");
        assertThat(Matchers.match("$.n", 1L, 2L).ok()).isFalse();
        assertThat(Matchers.match("$.port", "8080", "80 80").ok()).isFalse();
        assertThat(Matchers.match("$.list", List.of(1L, 2L), List.of(2L, 1L)).ok()).isFalse();
        assertThat(Matchers.match("$.b", true, false).ok()).isFalse();
        assertThat(Matchers.match("$.x", null, "null").ok()).isFalse();
    }

    @Test
    void typeMismatchShowsTheActualType() {
        Matchers.Verdict v = Matchers.match("$.prediction", ops("type", "number"), "abc");
        assertThat(v.ok()).isFalse();
        assertThat(v.expected()).isEqualTo("$.prediction is a number");
        assertThat(v.actual()).isEqualTo("$.prediction = \"abc\" (a string)");
        assertThat(Matchers.match("$.prediction", ops("type", "number"), 0.93).ok()).isTrue();
        assertThat(Matchers.match("$.n", ops("type", "integer"), 3.0).ok()).isTrue();
        assertThat(Matchers.match("$.n", ops("type", "integer"), 3.5).ok()).isFalse();
        assertThat(Matchers.match("$.a", ops("type", "array"), List.of()).ok()).isTrue();
        assertThat(Matchers.match("$.o", ops("type", "object"), Map.of()).ok()).isTrue();
        assertThat(Matchers.match("$.z", ops("type", "null"), null).ok()).isTrue();
        assertThat(Matchers.match("$.b", ops("type", "boolean"), "true").ok()).isFalse();
    }

    @Test
    void missingValuesFailUnlessAbsenceIsExpected() {
        Matchers.Verdict v = Matchers.match("$.price", ops("min", 1L), Matchers.MISSING);
        assertThat(v.ok()).isFalse();
        assertThat(v.actual()).isEqualTo("$.price is missing");
        assertThat(Matchers.match("$.price", 1L, Matchers.MISSING).ok()).isFalse();
        assertThat(Matchers.match("$.debug", ops("exists", false), Matchers.MISSING).ok()).isTrue();
        assertThat(Matchers.match("$.debug", ops("exists", false), true).ok()).isFalse();
        assertThat(Matchers.match("$.env", ops("exists", true), "staging").ok()).isTrue();
    }

    @Test
    void rangesAcceptNumbersAndNumericText() {
        assertThat(Matchers.match("$.price", ops("min", 250L, "max", 320L), 287.5).ok()).isTrue();
        assertThat(Matchers.match("$.price", ops("min", 250L, "max", 320L), "300").ok()).isTrue();
        Matchers.Verdict high = Matchers.match("$.price", ops("min", 250L, "max", 320L), 400L);
        assertThat(high.ok()).isFalse();
        assertThat(high.expected()).isEqualTo("$.price is at least 250 and is at most 320");
        assertThat(Matchers.match("$.price", ops("min", 1L), "cheap").actual()).contains("(a string)");
    }

    @Test
    void containsWorksOnTextListsAndObjects() {
        assertThat(Matchers.match("$.msg", ops("contains", "world"), "hello world").ok()).isTrue();
        assertThat(Matchers.match("$.needs", ops("contains", "build"), "build").ok()).isTrue();
        assertThat(Matchers.match("$.needs", ops("contains", "build"), List.of("lint", "build")).ok()).isTrue();
        assertThat(Matchers.match("$.needs", ops("contains", List.of("build", "lint")), List.of("lint", "build", "x")).ok()).isTrue();
        assertThat(Matchers.match("$.needs", ops("contains", "deploy"), List.of("lint", "build")).ok()).isFalse();
        assertThat(Matchers.match("$.items", ops("contains", Map.of("name", "a")),
                List.of(Map.of("name", "a", "qty", 2L))).ok()).isTrue();
        assertThat(Matchers.match("$.meta", ops("contains", Map.of("labels", Map.of("app", "web"))),
                Map.of("name", "x", "labels", Map.of("app", "web", "tier", "front"))).ok()).isTrue();
        assertThat(Matchers.match("$.meta", ops("contains", Map.of("name", "y")), Map.of("name", "x")).ok()).isFalse();
    }

    @Test
    void regexLengthOneOfAndNotEquals() {
        assertThat(Matchers.match("$.v", ops("regex", "^1\\.\\d+"), "1.25").ok()).isTrue();
        assertThat(Matchers.match("$.v", ops("regex", "^2"), "1.25").ok()).isFalse();
        assertThat(Matchers.match("$.items", ops("length", 3L), List.of(1, 2, 3)).ok()).isTrue();
        Matchers.Verdict len = Matchers.match("$.name", ops("length", 3L), "abcd");
        assertThat(len.ok()).isFalse();
        assertThat(len.actual()).contains("length 4");
        assertThat(Matchers.match("$.env", ops("oneOf", List.of("dev", "staging")), "staging").ok()).isTrue();
        assertThat(Matchers.match("$.env", ops("oneOf", List.of("dev", "staging")), "prod").expected())
                .isEqualTo("$.env is one of \"dev\", \"staging\"");
        assertThat(Matchers.match("$.env", ops("notEquals", "prod"), "prod").ok()).isFalse();
    }

    @Test
    void aMappingWithoutOperatorsIsComparedAsAValue() {
        assertThat(Matchers.match("$", Map.of("a", 1L), Map.of("a", 1.0)).ok()).isTrue();
        assertThat(Matchers.match("$", Map.of("a", 1L), Map.of("a", 1L, "b", 2L)).ok()).isFalse();
    }

    @Test
    void jsonExpectationsReadPathsFromADocument() {
        Map<String, Object> doc = Map.of("status", "ok", "items", List.of(Map.of("id", 1L), Map.of("id", 2L)));
        List<Matchers.Verdict> verdicts = JsonExpectations.check(doc, Map.of(
                "$.status", "ok",
                "$.items[*].id", List.of(1L, 2L),
                "$.items[0].missing", ops("exists", false)));
        assertThat(verdicts).allMatch(Matchers.Verdict::ok);
        assertThat(JsonExpectations.read(doc, "$.status.deeper")).isSameAs(Matchers.MISSING);
        assertThat(JsonExpectations.read(doc, "$.nothing")).isSameAs(Matchers.MISSING);
    }
}
