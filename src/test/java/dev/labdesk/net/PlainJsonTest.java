package dev.labdesk.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainJsonTest {

    @Test
    void readsIntoOrderedPlainValues() throws Exception {
        Object v = PlainJson.read("{\"b\": 1, \"a\": [1.5, true, null, \"x\"], \"big\": 123456789012345678901234567890}");
        assertThat(v).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("b", "a", "big");
        assertThat(m.get("b")).isEqualTo(1L);
        assertThat(m.get("a")).isEqualTo(java.util.Arrays.asList(1.5, true, null, "x"));
        assertThat(m.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void brokenJsonSaysWhere() {
        assertThatThrownBy(() -> PlainJson.read("{\"a\": 1,\n \"b\": }")).isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isEqualTo(2));
        assertThatThrownBy(() -> PlainJson.read("{} {}")).hasMessageContaining("unexpected text after the JSON value");
        assertThatThrownBy(() -> PlainJson.read("  ")).hasMessageContaining("it is empty");
    }

    @Test
    void writesCompactAndPretty() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("area_m2", 80L);
        m.put("tags", List.of("a", 1.5));
        assertThat(PlainJson.write(m, false)).isEqualTo("{\"area_m2\":80,\"tags\":[\"a\",1.5]}");
        assertThat(PlainJson.write(m, true)).isEqualTo("{\n  \"area_m2\" : 80,\n  \"tags\" : [ \"a\", 1.5 ]\n}");
    }
}
