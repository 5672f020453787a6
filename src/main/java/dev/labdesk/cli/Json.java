package dev.labdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.labdesk.pack.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON output for {@code --json}: stable field names, one document per command. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.pos().file().toString());
        m.put("line", p.pos().line());
        m.put("col", p.pos().col());
        m.put("severity", p.severity().label());
        m.put("code", p.code());
        m.put("message", p.message());
        return m;
    }

    public static List<Map<String, Object>> problems(List<Problem> problems) {
        return problems.stream().map(Json::problem).toList();
    }
}
