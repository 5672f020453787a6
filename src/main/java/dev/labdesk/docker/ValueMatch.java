package dev.labdesk.docker;

import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YScalar;
import dev.labdesk.pack.yaml.YSeq;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The value matcher ({@code Shapes.matcher()}) for the few values docker checks compare: label and
 * env values (text) and the restart count (a number). Temporary: the shared
 * {@code dev.labdesk.check.Matchers} replaces it when the branches meet.
 */
final class ValueMatch {

    private ValueMatch() {
    }

    /** What was expected, in words, for expected/actual lines. */
    static String describe(YNode expected) {
        if (expected instanceof YScalar s) {
            return s.isString() ? "'" + s.asText() + "'" : s.asText();
        }
        if (expected instanceof YMap m) {
            List<String> parts = new ArrayList<>();
            for (YMap.Entry e : m.entries()) {
                parts.add(e.name() + " " + describe(e.value()));
            }
            return String.join(", ", parts);
        }
        return String.valueOf(expected.toPlain());
    }

    /** True when {@code actual} (a String, a Number, or null when absent) satisfies {@code expected}. */
    static boolean matches(Object actual, YNode expected) {
        if (expected instanceof YScalar s) {
            return actual != null && same(actual, s);
        }
        if (expected instanceof YSeq seq) {
            return actual instanceof List<?> list && list.size() == seq.items().size()
                    && java.util.stream.IntStream.range(0, list.size()).allMatch(i -> matches(list.get(i), seq.items().get(i)));
        }
        YMap ops = (YMap) expected;
        for (YMap.Entry e : ops.entries()) {
            if (!operator(e.name(), e.value(), actual)) {
                return false;
            }
        }
        return true;
    }

    private static boolean operator(String op, YNode arg, Object actual) {
        String text = actual == null ? null : String.valueOf(actual);
        BigDecimal number = number(actual);
        return switch (op) {
            case "equals" -> actual != null && matches(actual, arg);
            case "notEquals" -> actual == null || !matches(actual, arg);
            case "exists" -> Boolean.TRUE.equals(arg.toPlain()) == (actual != null);
            case "min" -> number != null && number.compareTo(number(arg.toPlain())) >= 0;
            case "max" -> number != null && number.compareTo(number(arg.toPlain())) <= 0;
            case "contains" -> text != null && text.contains(((YScalar) arg).asText());
            case "regex" -> text != null && Pattern.compile(((YScalar) arg).asText()).matcher(text).find();
            case "length" -> text != null && text.length() == ((Number) arg.toPlain()).intValue();
            case "oneOf" -> arg instanceof YSeq seq && seq.items().stream().anyMatch(i -> actual != null && matches(actual, i));
            case "type" -> switch (String.valueOf(arg.toPlain())) {
                case "string" -> actual instanceof String;
                case "number" -> actual instanceof Number;
                case "integer" -> actual instanceof Long || actual instanceof Integer;
                case "null" -> actual == null;
                default -> false;
            };
            default -> false;
        };
    }

    /** Semantic equality: numbers by value (1 equals 1.0), text trimmed, as the author wrote it. */
    private static boolean same(Object actual, YScalar expected) {
        BigDecimal a = number(actual);
        BigDecimal e = number(expected.toPlain());
        if (a != null && e != null) {
            return a.compareTo(e) == 0;
        }
        return String.valueOf(actual).trim().equals(expected.asText().trim());
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
