package dev.labdesk.pack.yaml;

import dev.labdesk.pack.SourcePos;

/** A scalar with its resolved value: String, Long, Double, Boolean, or null for {@code ~}/empty. */
public record YScalar(String text, Object value, SourcePos pos) implements YNode {

    public boolean isNull() {
        return value == null;
    }

    public boolean isString() {
        return value instanceof String;
    }

    /** The scalar as text, whatever YAML resolved it to ({@code 8080} and {@code "8080"} both give 8080). */
    public String asText() {
        return value == null ? "" : text;
    }

    @Override
    public Object toPlain() {
        return value;
    }

    @Override
    public String describe() {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof Boolean) {
            return "a boolean (" + text + ")";
        }
        if (value instanceof Number) {
            return "a number (" + text + ")";
        }
        return "the text '" + abbreviate(text) + "'";
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
