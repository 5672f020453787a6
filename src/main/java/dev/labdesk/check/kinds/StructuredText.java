package dev.labdesk.check.kinds;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.labdesk.net.PlainJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Learner files and response bodies parsed into plain Maps, Lists and scalars for JSONPath. */
final class StructuredText {

    private StructuredText() {
    }

    /** The text is not valid; the message says where, in the learner's terms. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static Object json(String text) throws Unreadable {
        if (text.isBlank()) {
            throw new Unreadable("it is empty");
        }
        try {
            return PlainJson.read(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new Unreadable(plainer(e.getOriginalMessage()) + where);
        }
    }

    /** Jackson's messages without the parser's vocabulary: "unexpected character ('<'): expected a value". */
    static String plainer(String message) {
        String m = message == null ? "not JSON" : message;
        int cut = m.indexOf('\n');
        if (cut > 0) {
            m = m.substring(0, cut);
        }
        m = m.replaceAll(" \\(code \\d+\\)", "")
                .replace(" (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", "")
                .replace("a valid value", "a value")
                .replaceAll("\\s*\\(start marker at \\[[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "");
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** One document gives its value; several give a list of them. */
    static Object yaml(String text) throws Unreadable {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(64);
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new CoreSchema());
        try {
            List<Object> docs = new ArrayList<>();
            for (Object doc : yaml.loadAll(text)) {
                docs.add(plain(doc));
            }
            docs.removeIf(d -> d == null && docs.size() > 1);
            if (docs.isEmpty()) {
                throw new Unreadable("it is empty");
            }
            return docs.size() == 1 ? docs.get(0) : docs;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            String where = m == null ? "" : " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
            throw new Unreadable((e.getProblem() == null ? "invalid YAML" : e.getProblem()) + where);
        } catch (YAMLException e) {
            throw new Unreadable(String.valueOf(e.getMessage()));
        }
    }

    /**
     * YAML 1.2's core schema: only true/false are booleans, and dates stay text. Under YAML 1.1 a GitHub
     * workflow's {@code on:} key would read as {@code true} and {@code $.on.push} would find nothing.
     */
    private static final class CoreSchema extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Resolver.INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Resolver.FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, Resolver.MERGE, "<");
            addImplicitResolver(Tag.NULL, Resolver.NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, Resolver.EMPTY, null);
        }
    }

    /** SnakeYAML's extras (dates, binary, sets, big integers) as JSON-like values. */
    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), plain(val)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(i -> out.add(plain(i)));
            return out;
        }
        if (v instanceof Date d) {
            return d.toInstant().toString();
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.doubleValue();
        }
        return v;
    }
}
