package dev.labdesk.pack.schema;

import com.jayway.jsonpath.JsonPath;
import dev.labdesk.pack.Durations;
import dev.labdesk.pack.Suggest;
import dev.labdesk.pack.yaml.YScalar;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Building blocks for {@link Shape}s, shared by the pack format and every kind's schema. */
public final class Shapes {

    private Shapes() {
    }

    private static final Shape TEXT = new Shape.Scalar("text", (v, label, ctx) -> { });

    public static Shape text() {
        return TEXT;
    }

    /** Text that must not be blank. */
    public static Shape nonBlank() {
        return new Shape.Scalar("text", (v, label, ctx) -> {
            if (v.asText().isBlank()) {
                ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " is blank; write something");
            }
        });
    }

    /** An identifier: letters, digits, '-', '_' and '.', starting with a letter or digit. */
    public static Shape id() {
        return new Shape.Scalar("an id (letters, digits, '-', '_', '.')", (v, label, ctx) -> {
            if (!ID.matcher(v.asText()).matches()) {
                ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " must be an id made of letters, digits, "
                        + "'-', '_' and '.', like 'build-image'; got '" + abbreviate(v.asText()) + "'");
            }
        });
    }

    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    public static Shape integer() {
        return integer(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public static Shape integer(long min, long max) {
        String range = min == Long.MIN_VALUE ? "" : max == Long.MAX_VALUE ? " ≥ " + min : " from " + min + " to " + max;
        return new Shape.Scalar("a whole number" + range, (v, label, ctx) -> {
            if (!(v.value() instanceof Long n)) {
                ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " must be a whole number" + range + ", not " + v.describe());
            } else if (n < min || n > max) {
                ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " must be" + range + "; got " + n);
            }
        });
    }

    public static Shape number() {
        return new Shape.Scalar("a number", (v, label, ctx) -> {
            if (!(v.value() instanceof Number)) {
                ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " must be a number, not " + v.describe());
            }
        });
    }

    public static Shape bool() {
        return new Shape.Scalar("true or false", (v, label, ctx) -> {
            if (!(v.value() instanceof Boolean)) {
                ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " must be true or false, not " + v.describe());
            }
        });
    }

    public static Shape duration() {
        return new Shape.Scalar("a duration like 30s, 2m or 500ms", (v, label, ctx) -> {
            if (Durations.parse(v.asText()) == null) {
                ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " must be a duration like 30s, 2m or 500ms; got '"
                        + abbreviate(v.asText()) + "'");
            }
        });
    }

    public static Shape regex() {
        return new Shape.Scalar("a regular expression", (v, label, ctx) -> {
            try {
                Pattern.compile(v.asText());
            } catch (PatternSyntaxException e) {
                ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        });
    }

    public static Shape jsonPath() {
        return new Shape.Scalar("a JSONPath like $.status", (v, label, ctx) -> checkJsonPath(v, ctx));
    }

    static void checkJsonPath(YScalar v, ShapeChecker.Ctx ctx) {
        String path = v.asText();
        if (!path.startsWith("$")) {
            ctx.bad(v.pos(), "'" + abbreviate(path) + "' in " + ctx.where() + " is not a JSONPath; start it with '$', like '$."
                    + abbreviate(path.replaceFirst("^\\.", "")) + "'");
            return;
        }
        try {
            JsonPath.compile(path);
        } catch (RuntimeException e) {
            ctx.bad(v.pos(), "'" + abbreviate(path) + "' in " + ctx.where() + " is not a valid JSONPath: " + oneLine(e.getMessage()));
        }
    }

    /** An absolute http(s) URL. */
    public static Shape url() {
        return new Shape.Scalar("an http:// or https:// URL", (v, label, ctx) -> {
            String text = v.asText();
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme();
                if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (Exception e) {
                ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " must be an http:// or https:// URL like "
                        + "http://127.0.0.1:8080/health; got '" + abbreviate(text) + "'");
            }
        });
    }

    public static Shape values(String... allowed) {
        Set<String> set = Set.of(allowed);
        String list = String.join(", ", allowed);
        return new Shape.Scalar("one of " + list, (v, label, ctx) -> {
            if (!set.contains(v.asText())) {
                ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " must be one of " + list + "; got '"
                        + abbreviate(v.asText()) + "'" + Suggest.didYouMean(v.asText(), set));
            }
        });
    }

    /** A path relative to the workspace that stays inside it; it need not exist yet. */
    public static Shape relativePath() {
        return new Shape.Scalar("a path inside the workspace", (v, label, ctx) -> checkRelative(v, label, ctx));
    }

    /** A workspace path that the lab's starter files or solution provide. */
    public static Shape existingWorkspacePath() {
        return new Shape.Scalar("a path inside the workspace", (v, label, ctx) -> {
            if (checkRelative(v, label, ctx) && !ctx.env().workspaceFileExists(v.asText())) {
                ctx.missingFile(v.pos(), quote(label) + " in " + ctx.where() + " refers to '" + abbreviate(v.asText())
                        + "', which is neither in the lab's starter files nor in its solution; add it or fix the path");
            }
        });
    }

    /** A file shipped inside the pack folder. */
    public static Shape packFile() {
        return new Shape.Scalar("a path inside the pack", (v, label, ctx) -> {
            if (checkRelative(v, label, ctx) && !ctx.env().packFileExists(v.asText())) {
                ctx.missingFile(v.pos(), quote(label) + " in " + ctx.where() + " refers to '" + abbreviate(v.asText())
                        + "', which does not exist in the pack; add it or fix the path");
            }
        });
    }

    private static boolean checkRelative(YScalar v, String label, ShapeChecker.Ctx ctx) {
        String p = v.asText().replace('\\', '/');
        boolean escapes = p.startsWith("/") || DRIVE.matcher(p).lookingAt() || p.equals("..") || p.startsWith("../")
                || p.contains("/../") || p.endsWith("/..") || p.indexOf('\0') >= 0;
        if (escapes || p.isBlank()) {
            ctx.bad(v.pos(), quote(label) + " in " + ctx.where() + " must be a relative path that stays inside the folder, like 'app/main.py'; got '"
                    + abbreviate(v.asText()) + "'");
            return false;
        }
        return true;
    }

    public static Shape listOf(Shape item) {
        return new Shape.ListOf(item, false);
    }

    /** A list, where a single item may be written without the list. */
    public static Shape listOrOne(Shape item) {
        return new Shape.ListOf(item, true);
    }

    public static Shape mapOf(Shape key, Shape value) {
        return new Shape.MapOf(key, value);
    }

    public static Shape oneOf(String describe, Shape... options) {
        return new Shape.OneOf(List.of(options), describe);
    }

    public static Shape any() {
        return new Shape.Any("any value");
    }

    /** Operators a value matcher may use: {@code {min: 1, max: 5}}, {@code {regex: "^ok"}}... */
    public static final List<String> MATCH_OPERATORS = List.of(
            "equals", "notEquals", "type", "min", "max", "contains", "regex", "exists", "length", "oneOf");

    /**
     * What a JSONPath (or a header, or an output) is expected to be: a plain value compared
     * semantically, a list compared as JSON, or a mapping of operators. To compare with a
     * mapping, write {@code {equals: {...}}}.
     */
    public static Shape matcher() {
        Shape operators = obj()
                .optional("equals", any(), "the value, compared as JSON (1 equals 1.0, whitespace trimmed)")
                .optional("notEquals", any(), "any value but this one")
                .optional("type", values("string", "number", "integer", "boolean", "array", "object", "null"))
                .optional("min", number(), "a number at least this")
                .optional("max", number(), "a number at most this")
                .optional("contains", any(), "a substring, a list element or a subset of a mapping")
                .optional("regex", regex(), "text matching this regular expression (found anywhere)")
                .optional("exists", bool(), "whether the path must exist")
                .optional("length", integer(0, Integer.MAX_VALUE), "the length of a text or list")
                .optional("oneOf", listOf(any()), "any one of these values")
                .build();
        return oneOf("a value, a list, or a mapping of " + String.join("/", MATCH_OPERATORS),
                new Shape.Scalar("a value", (v, label, ctx) -> { }, true), listOf(any()), operators);
    }

    /** JSONPath to matcher, for file.yaml/file.json and HTTP JSON bodies. */
    public static Shape jsonExpectations() {
        return mapOf(jsonPath(), matcher());
    }

    public static ObjBuilder obj() {
        return new ObjBuilder();
    }

    /** Builds an {@link Shape.Obj}; {@code required}/{@code optional} keep the author-facing order. */
    public static final class ObjBuilder {
        private final Map<String, Shape.Field> fields = new LinkedHashMap<>();
        private boolean open;

        public ObjBuilder required(String key, Shape shape, String doc) {
            fields.put(key, new Shape.Field(shape, true, doc));
            return this;
        }

        public ObjBuilder optional(String key, Shape shape, String doc) {
            fields.put(key, new Shape.Field(shape, false, doc));
            return this;
        }

        public ObjBuilder required(String key, Shape shape) {
            return required(key, shape, "");
        }

        public ObjBuilder optional(String key, Shape shape) {
            return optional(key, shape, "");
        }

        /** Unknown keys are allowed (for extensible metadata). */
        public ObjBuilder open() {
            this.open = true;
            return this;
        }

        public Shape.Obj build() {
            return new Shape.Obj(fields, open);
        }
    }

    static String quote(String label) {
        return "'" + label + "'";
    }

    static String abbreviate(String s) {
        String t = SPACES.matcher(s).replaceAll(" ");
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }

    private static String oneLine(String s) {
        return s == null ? "" : abbreviate(s);
    }
}
