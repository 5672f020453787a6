package dev.labdesk.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The value matcher of {@code Shapes.matcher()}, shared by every kind that compares a value: JSONPath
 * expectations, response headers, command output, Docker labels and env.
 *
 * <p>A plain value is compared semantically, so whitespace and number formatting never fail a learner:
 * {@code 1} equals {@code 1.0}, {@code " ok "} equals {@code "ok"}, {@code "8080"} equals {@code 8080},
 * {@code "true"} equals {@code true}. A mapping holds operators, all of which must hold.
 * Expected and actual come back as short sentences for the learner.
 */
public final class Matchers {

    /** The value at a JSONPath that matched nothing, an absent header or label. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "(missing)";
        }
    };

    private static final Set<String> OPERATORS = Set.of(
            "equals", "notEquals", "type", "min", "max", "contains", "regex", "exists", "length", "oneOf");

    private Matchers() {
    }

    /**
     * One expectation's result, phrased for the learner.
     *
     * @param expected e.g. {@code $.prediction is a number}
     * @param actual   e.g. {@code $.prediction = "abc" (a string)}
     */
    public record Verdict(boolean ok, String expected, String actual) {
    }

    /**
     * Matches {@code actual} against a matcher as written in YAML ({@code YNode.toPlain()}).
     *
     * @param label  names the value in sentences: {@code $.status}, {@code header Content-Type}
     * @param actual the value, or {@link #MISSING}
     */
    @SuppressWarnings("unchecked")
    public static Verdict match(String label, Object matcher, Object actual) {
        if (matcher instanceof Map<?, ?> map && !map.isEmpty() && OPERATORS.containsAll(map.keySet())) {
            return operators(label, (Map<String, Object>) map, actual);
        }
        return equalsVerdict(label, matcher, actual);
    }

    private static Verdict equalsVerdict(String label, Object expected, Object actual) {
        String exp = label + " = " + show(expected);
        if (actual == MISSING) {
            return new Verdict(false, exp, label + " is missing");
        }
        boolean ok = same(expected, actual);
        return new Verdict(ok, exp, describeActual(label, actual, !ok && !typeName(expected).equals(typeName(actual))));
    }

    private static Verdict operators(String label, Map<String, Object> ops, Object actual) {
        List<String> expected = new ArrayList<>();
        boolean ok = true;
        boolean showType = false;
        Object exists = ops.get("exists");
        if (actual == MISSING) {
            boolean mayBeMissing = Boolean.FALSE.equals(exists) || "false".equals(String.valueOf(exists));
            if (mayBeMissing) {
                return new Verdict(true, label + " is absent", label + " is absent");
            }
            for (Map.Entry<String, Object> op : ops.entrySet()) {
                expected.add(phrase(op.getKey(), op.getValue()));
            }
            return new Verdict(false, label + " " + String.join(" and ", expected), label + " is missing");
        }
        for (Map.Entry<String, Object> op : ops.entrySet()) {
            Object arg = op.getValue();
            expected.add(phrase(op.getKey(), arg));
            boolean held;
            switch (op.getKey()) {
                case "equals" -> {
                    held = same(arg, actual);
                    showType |= !held && !typeName(arg).equals(typeName(actual));
                }
                case "notEquals" -> held = !same(arg, actual);
                case "type" -> {
                    held = hasType(actual, String.valueOf(arg));
                    showType |= !held;
                }
                case "min", "max" -> {
                    BigDecimal n = number(actual);
                    BigDecimal bound = number(arg);
                    held = n != null && bound != null && (op.getKey().equals("min") ? n.compareTo(bound) >= 0 : n.compareTo(bound) <= 0);
                    showType |= n == null;
                }
                case "contains" -> held = contains(actual, arg);
                case "regex" -> held = regex(actual, String.valueOf(arg));
                case "exists" -> held = !(Boolean.FALSE.equals(arg) || "false".equals(String.valueOf(arg)));
                case "length" -> {
                    Integer len = length(actual);
                    BigDecimal want = number(arg);
                    held = len != null && want != null && want.compareTo(BigDecimal.valueOf(len)) == 0;
                    showType |= len == null;
                }
                case "oneOf" -> held = arg instanceof Collection<?> options && options.stream().anyMatch(o -> same(o, actual));
                default -> held = false;
            }
            ok &= held;
        }
        String actualText = describeActual(label, actual, showType);
        if (ops.containsKey("length") && length(actual) != null && !ok) {
            actualText += ", length " + length(actual);
        }
        return new Verdict(ok, label + " " + String.join(" and ", expected), actualText);
    }

    private static String phrase(String op, Object arg) {
        return switch (op) {
            case "equals" -> "= " + show(arg);
            case "notEquals" -> "is not " + show(arg);
            case "type" -> "is " + article(String.valueOf(arg));
            case "min" -> "is at least " + show(arg);
            case "max" -> "is at most " + show(arg);
            case "contains" -> "contains " + show(arg);
            case "regex" -> "matches /" + arg + "/";
            case "exists" -> Boolean.FALSE.equals(arg) ? "is absent" : "exists";
            case "length" -> "has length " + show(arg);
            case "oneOf" -> "is one of " + (arg instanceof Collection<?> c
                    ? String.join(", ", c.stream().map(Matchers::show).toList()) : show(arg));
            default -> op + " " + show(arg);
        };
    }

    private static String describeActual(String label, Object actual, boolean withType) {
        if (actual == MISSING) {
            return label + " is missing";
        }
        return label + " = " + show(actual) + (withType ? " (" + article(typeName(actual)) + ")" : "");
    }

    // ---- semantics -------------------------------------------------------------------------

    /** Semantic JSON equality: numbers by value, text trimmed, "8080" = 8080, "true" = true, lists in order, maps by keys. */
    public static boolean same(Object expected, Object actual) {
        if (expected == MISSING || actual == MISSING) {
            return expected == actual;
        }
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            if (!keys(e).equals(keys(a))) {
                return false;
            }
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                if (!same(entry.getValue(), a.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Collection<?> e && actual instanceof Collection<?> a) {
            if (e.size() != a.size()) {
                return false;
            }
            Iterator<?> ie = e.iterator();
            Iterator<?> ia = a.iterator();
            while (ie.hasNext()) {
                if (!same(ie.next(), ia.next())) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Map || actual instanceof Map || expected instanceof Collection || actual instanceof Collection) {
            return false;
        }
        if (expected instanceof Number || actual instanceof Number) {
            BigDecimal e = number(expected);
            BigDecimal a = number(actual);
            return e != null && a != null && e.compareTo(a) == 0;
        }
        if (expected instanceof Boolean || actual instanceof Boolean) {
            return String.valueOf(expected).trim().equalsIgnoreCase(String.valueOf(actual).trim());
        }
        return String.valueOf(expected).trim().equals(String.valueOf(actual).trim());
    }

    private static Set<String> keys(Map<?, ?> m) {
        Set<String> out = new java.util.HashSet<>();
        m.keySet().forEach(k -> out.add(String.valueOf(k)));
        return out;
    }

    /** A number, or numeric text; null for anything else. */
    public static BigDecimal number(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? null : new BigDecimal(f.toString());
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                try {
                    return new BigDecimal(t);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean hasType(Object v, String type) {
        return switch (type) {
            case "string" -> v instanceof String;
            case "number" -> v instanceof Number && number(v) != null;
            case "integer" -> v instanceof Number && number(v) != null && isWhole(number(v));
            case "boolean" -> v instanceof Boolean;
            case "array" -> v instanceof Collection;
            case "object" -> v instanceof Map;
            case "null" -> v == null;
            default -> false;
        };
    }

    private static boolean isWhole(BigDecimal n) {
        return n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
    }

    @SuppressWarnings("unchecked")
    private static boolean contains(Object actual, Object wanted) {
        if (actual instanceof Collection<?> list) {
            if (wanted instanceof Collection<?> all) {
                return all.stream().allMatch(w -> contains(actual, w));
            }
            return list.stream().anyMatch(item -> same(wanted, item)
                    || (wanted instanceof Map && item instanceof Map && contains(item, wanted)));
        }
        if (actual instanceof Map<?, ?> map) {
            if (wanted instanceof Map<?, ?> subset) {
                for (Map.Entry<?, ?> e : subset.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    Object value = ((Map<Object, Object>) map).entrySet().stream()
                            .filter(me -> String.valueOf(me.getKey()).equals(key))
                            .map(Map.Entry::getValue).findFirst().orElse(MISSING);
                    boolean held = value != MISSING && (same(e.getValue(), value)
                            || (e.getValue() instanceof Map && value instanceof Map && contains(value, e.getValue())));
                    if (!held) {
                        return false;
                    }
                }
                return true;
            }
            return keys(map).contains(String.valueOf(wanted).trim());
        }
        if (actual == null || wanted == null) {
            return false;
        }
        return String.valueOf(actual).contains(String.valueOf(wanted).trim());
    }

    private static boolean regex(Object actual, String pattern) {
        if (actual == null || actual instanceof Map || actual instanceof Collection) {
            return false;
        }
        try {
            return Pattern.compile(pattern, Pattern.MULTILINE).matcher(String.valueOf(actual)).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static Integer length(Object v) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        return null;
    }

    // ---- words -----------------------------------------------------------------------------

    /** The JSON type of a value: string, number, boolean, array, object or null. */
    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Collection) {
            return "array";
        }
        if (v instanceof Map) {
            return "object";
        }
        return "string";
    }

    private static String article(String type) {
        return switch (type) {
            case "string" -> "a string";
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "an object";
            case "null" -> "null";
            default -> type;
        };
    }

    /** A value as a learner would write it in JSON, cut short when long. */
    public static String show(Object v) {
        String s = json(v);
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v == MISSING) {
            return "(missing)";
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite() && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append(quote(String.valueOf(e.getKey()))).append(": ").append(json(e.getValue()));
                if (b.length() > 200) {
                    break;
                }
            }
            return b.append('}').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder b = new StringBuilder("[");
            for (Object item : c) {
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append(json(item));
                if (b.length() > 200) {
                    break;
                }
            }
            return b.append(']').toString();
        }
        return quote(String.valueOf(v));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
