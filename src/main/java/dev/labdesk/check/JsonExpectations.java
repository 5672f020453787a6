package dev.labdesk.check;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSONPath → matcher expectations on a parsed document (plain Maps, Lists and scalars), for
 * {@code file.json}, {@code file.yaml} and HTTP JSON bodies.
 */
public final class JsonExpectations {

    /** json-smart's provider walks plain Maps and Lists; it starts far faster than the Jackson-backed one. */
    private static final Configuration CONF = Configuration.defaultConfiguration();

    private JsonExpectations() {
    }

    /** One verdict per path, in the author's order. */
    public static List<Matchers.Verdict> check(Object document, Map<?, ?> expectations) {
        List<Matchers.Verdict> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : expectations.entrySet()) {
            String path = String.valueOf(e.getKey());
            Object value;
            try {
                value = read(document, path);
            } catch (InvalidPathException ex) {
                out.add(new Matchers.Verdict(false, path + " " + "is a valid JSONPath", "invalid JSONPath: " + ex.getMessage()));
                continue;
            }
            out.add(Matchers.match(path, e.getValue(), value));
        }
        return out;
    }

    /** The value at a path, a list for paths with wildcards or filters, or {@link Matchers#MISSING}. */
    public static Object read(Object document, String path) {
        JsonPath compiled = JsonPath.compile(path);
        try {
            return JsonPath.using(CONF).parse(document).read(compiled);
        } catch (PathNotFoundException e) {
            return Matchers.MISSING;
        } catch (ClassCastException | IllegalArgumentException e) {
            // A path that walks into a scalar ($.name.first on a string) finds nothing.
            return Matchers.MISSING;
        }
    }
}
