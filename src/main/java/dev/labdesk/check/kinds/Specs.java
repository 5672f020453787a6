package dev.labdesk.check.kinds;

import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YScalar;
import dev.labdesk.pack.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading a check's YAML at run time; the validator has already checked its shape. */
final class Specs {

    private Specs() {
    }

    static String text(YNode node) {
        return node instanceof YScalar s && !s.isNull() ? s.asText() : null;
    }

    static YMap map(YNode node) {
        return node instanceof YMap m ? m : null;
    }

    /** A list of texts, where one text stands for a list of one. */
    static List<String> texts(YNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YSeq seq) {
            seq.items().forEach(i -> {
                if (text(i) != null) {
                    out.add(text(i));
                }
            });
        } else if (text(node) != null) {
            out.add(text(node));
        }
        return out;
    }

    static boolean flag(YMap map, String key) {
        return map != null && map.get(key) instanceof YScalar s && Boolean.TRUE.equals(s.value());
    }

    /** A mapping of text to text, e.g. request headers. */
    static Map<String, String> textMap(YNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                out.put(e.name(), text(e.value()) == null ? "" : text(e.value()));
            }
        }
        return out;
    }

    /** Collapses runs of whitespace and trims, so indentation and line breaks never fail a text match. */
    static String squash(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Text in quotes that do not clash with it: "x", or 'say "hi"' when it holds double quotes. */
    static String quoted(String s) {
        String t = (s.length() > 80 ? s.substring(0, 77) + "..." : s).replace("\n", "\\n");
        if (!t.contains("\"")) {
            return "\"" + t + "\"";
        }
        if (!t.contains("'")) {
            return "'" + t + "'";
        }
        return "\"" + t.replace("\"", "\\\"") + "\"";
    }

    /** The first lines of a text, for evidence. */
    static String head(String text, int maxLines, int maxChars) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (String line : lines) {
            if (n == maxLines || b.length() + line.length() > maxChars) {
                b.append("... (").append(lines.length).append(" lines in all)");
                break;
            }
            b.append(line).append('\n');
            n++;
        }
        return b.toString().stripTrailing();
    }
}
