package dev.labdesk.pack.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A reader for the plain YAML that lab blocks are almost always written in, producing the same node
 * graph, with the same positions, as SnakeYAML's composer. It gives up ({@code null}) at the first
 * thing outside that subset (anchors, tags, block scalars, multi-line scalars, escapes, empty values,
 * document markers, tabs, anything malformed) and SnakeYAML reads the text instead, so every error
 * message still comes from SnakeYAML. On a 1,000-lab pack this reader takes the YAML from about
 * half of validation's CPU to a small part of it (docs/benchmarks.md).
 *
 * <p>The subset: block mappings and sequences (also a sequence at its key's indentation, and a
 * mapping that starts on a {@code - } line), plain and single-line quoted scalars, single-line flow
 * sequences and mappings, comments. {@code QuickYamlAgreesWithSnakeYamlTest} holds it to SnakeYAML.
 */
final class QuickYaml {

    /** Thrown to give up; carries no stack trace, since giving up is routine. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();
    private static final int[] NO_BUFFER = new int[0];
    /** SnakeYAML's nesting limit is 64 (the reader's MAX_DEPTH); stay well inside it. */
    private static final int MAX_DEPTH = 48;
    /** SnakeYAML refuses simple keys longer than 1024 characters. */
    private static final int MAX_KEY = 1000;

    private final String text;
    private final Resolver resolver;
    /** Start offset of every line; one more entry than there are lines, pointing past the end. */
    private final int[] starts;
    private final int lineCount;

    private QuickYaml(String text, Resolver resolver, int[] starts, int lineCount) {
        this.text = text;
        this.resolver = resolver;
        this.starts = starts;
        this.lineCount = lineCount;
    }

    /** The document's root node, or null when the text is outside the subset (or empty). */
    static Node read(String text, Resolver resolver) {
        int[] starts = lineStarts(text);
        if (starts == null) {
            return null;
        }
        QuickYaml reader = new QuickYaml(text, resolver, starts, starts.length - 1);
        try {
            return reader.document();
        } catch (GiveUp | IndexOutOfBoundsException e) {
            // An index past a line's end is a case the subset did not foresee: SnakeYAML decides.
            return null;
        }
    }

    /**
     * Line start offsets, or null when a character is one this reader leaves to SnakeYAML: tabs,
     * carriage returns and other control characters, YAML 1.1's extra line breaks, surrogates, a BOM.
     */
    private static int[] lineStarts(String text) {
        int n = text.length();
        int count = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                count++;
            } else if (c < 0x20 || c >= 0x7F && c < 0xA0 || c == 0x2028 || c == 0x2029
                    || c >= 0xD800 && c < 0xE000 || c >= 0xFFFE || c == 0xFEFF) {
                return null;
            }
        }
        int[] starts = new int[count + 1];
        int line = 1;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        starts[count] = n + 1;
        return starts;
    }

    //**** Lines ****//

    private int lineEnd(int line) {
        return starts[line + 1] - 1;
    }

    private int indent(int line) {
        int i = starts[line];
        int end = lineEnd(line);
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i - starts[line];
    }

    /** The first line at or after {@code line} holding more than spaces and a comment, or -1. */
    private int content(int line) {
        for (int l = line; l < lineCount; l++) {
            int i = starts[l] + indent(l);
            if (i < lineEnd(l) && text.charAt(i) != '#') {
                return l;
            }
        }
        return -1;
    }

    private boolean dashAt(int line, int col) {
        int i = starts[line] + col;
        int end = lineEnd(line);
        return text.charAt(i) == '-' && (i + 1 == end || text.charAt(i + 1) == ' ');
    }

    /** Requires that only spaces and a comment follow offset {@code i} on its line. */
    private void restIsBlank(int i, int line) {
        int end = lineEnd(line);
        boolean spaced = i == starts[line] || i > starts[line] && text.charAt(i - 1) == ' ';
        while (i < end && text.charAt(i) == ' ') {
            i++;
            spaced = true;
        }
        if (i < end && !(text.charAt(i) == '#' && spaced)) {
            throw GIVE_UP;
        }
    }

    private int skipSpaces(int i, int end) {
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private Mark mark(int line, int offset) {
        return new Mark("yaml", offset, line, offset - starts[line], NO_BUFFER, offset);
    }

    //**** Block structure ****//

    /** The line after the node just read; -1 at the end of the text. */
    private int next;

    private Node document() {
        int first = content(0);
        if (first < 0) {
            return null;
        }
        Node root = block(first, 0);
        if (next >= 0) {
            throw GIVE_UP; // more text after the root: a second document, or a malformed one
        }
        return root;
    }

    private Node block(int line, int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        int col = indent(line);
        // A '---' or '...' line is no item, so it reaches mapping(), which gives up on document markers.
        if (dashAt(line, col)) {
            return sequence(line, col, false, depth);
        }
        return mapping(line, starts[line] + col, col, depth);
    }

    /** A block mapping whose keys sit at column {@code col}; the first key starts at {@code keyAt} on {@code line}. */
    private Node mapping(int line, int keyAt, int col, int depth) {
        List<NodeTuple> entries = new ArrayList<>();
        Mark start = mark(line, keyAt);
        int at = keyAt;
        while (true) {
            if (col == 0 && (text.startsWith("---", at) || text.startsWith("...", at))) {
                throw GIVE_UP;
            }
            int end = lineEnd(line);
            int colon = keyEnd(at, end);
            if (colon < 0) {
                throw GIVE_UP;
            }
            ScalarNode key = keyScalar(line, at, colon);
            int valueAt = skipSpaces(colon + 1, end);
            Node value;
            if (valueAt == end || text.charAt(valueAt) == '#') {
                int below = content(line + 1);
                if (below < 0) {
                    throw GIVE_UP; // an empty value: SnakeYAML places its null where this reader would not
                }
                int ind = indent(below);
                if (ind > col) {
                    value = block(below, depth + 1);
                } else if (ind == col && dashAt(below, col)) {
                    value = sequence(below, col, true, depth + 1);
                } else {
                    throw GIVE_UP;
                }
            } else {
                value = inline(line, valueAt, depth + 1);
                next = content(line + 1);
            }
            entries.add(new NodeTuple(key, value));
            if (next < 0) {
                break;
            }
            int ind = indent(next);
            if (ind < col) {
                break;
            }
            if (ind > col || dashAt(next, col)) {
                throw GIVE_UP;
            }
            line = next;
            at = starts[line] + col;
        }
        return new MappingNode(Tag.MAP, true, entries, start, start, DumperOptions.FlowStyle.BLOCK);
    }

    /**
     * A block sequence whose dashes sit at column {@code col}. Indentless: the value of a key at the
     * same column, which ends at the first line there that is not an item.
     */
    private Node sequence(int line, int col, boolean indentless, int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        List<Node> items = new ArrayList<>();
        Mark start = mark(line, starts[line] + col);
        while (true) {
            int end = lineEnd(line);
            int itemAt = skipSpaces(starts[line] + col + 1, end);
            Node item;
            if (itemAt == end || text.charAt(itemAt) == '#') {
                if (itemAt < end && itemAt == starts[line] + col + 1) {
                    throw GIVE_UP; // "-#" is not a comment
                }
                int below = content(line + 1);
                if (below < 0 || indent(below) <= col) {
                    throw GIVE_UP; // an empty item
                }
                item = block(below, depth + 1);
            } else if (text.charAt(itemAt) == '-' && (itemAt + 1 == end || text.charAt(itemAt + 1) == ' ')) {
                throw GIVE_UP; // "- - x": a sequence starting on an item's line
            } else if (keyEnd(itemAt, end) >= 0) {
                item = mapping(line, itemAt, itemAt - starts[line], depth + 1);
            } else {
                item = inline(line, itemAt, depth + 1);
                next = content(line + 1);
            }
            items.add(item);
            if (next < 0) {
                break;
            }
            int ind = indent(next);
            if (ind < col) {
                break;
            }
            if (ind > col) {
                throw GIVE_UP;
            }
            if (!dashAt(next, col)) {
                if (indentless) {
                    break;
                }
                throw GIVE_UP;
            }
            line = next;
        }
        return new SequenceNode(Tag.SEQ, true, items, start, start, DumperOptions.FlowStyle.BLOCK);
    }

    /**
     * Where the ':' of a key written at {@code at} is, or -1 when the line holds no key there. A key is
     * a plain or quoted scalar directly followed by ':' and a space or the line's end.
     */
    private int keyEnd(int at, int end) {
        char c = text.charAt(at);
        if (c == '"' || c == '\'') {
            int close = closingQuote(at, end);
            int colon = close + 1;
            return close > 0 && colon < end && text.charAt(colon) == ':' && (colon + 1 == end || text.charAt(colon + 1) == ' ')
                    ? colon : -1;
        }
        if (!plainStart(at, end, false)) {
            return -1;
        }
        for (int i = at; i < end; i++) {
            char ch = text.charAt(i);
            if (ch == '#' && text.charAt(i - 1) == ' ') {
                return -1;
            }
            if (ch == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                if (text.charAt(i - 1) == ' ' || i - at > MAX_KEY) {
                    throw GIVE_UP;
                }
                return i;
            }
        }
        return -1;
    }

    private ScalarNode keyScalar(int line, int at, int colon) {
        char c = text.charAt(at);
        if (c == '"' || c == '\'') {
            return quoted(line, at, colon - 1);
        }
        return plain(line, at, colon);
    }

    //**** Values on one line ****//

    /** A scalar or flow collection starting at {@code at}, alone on the rest of its line. */
    private Node inline(int line, int at, int depth) {
        int end = lineEnd(line);
        char c = text.charAt(at);
        if (c == '[' || c == '{') {
            int[] after = {0};
            Node node = flow(line, at, end, depth, after);
            restIsBlank(after[0], line);
            return node;
        }
        if (c == '"' || c == '\'') {
            int close = closingQuote(at, end);
            if (close < 0) {
                throw GIVE_UP;
            }
            restIsBlank(close + 1, line);
            return quoted(line, at, close);
        }
        if (!plainStart(at, end, false)) {
            throw GIVE_UP;
        }
        int stop = end;
        for (int i = at + 1; i < end; i++) {
            char ch = text.charAt(i);
            if (ch == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                throw GIVE_UP; // "a: b: c" is an error SnakeYAML explains
            }
            if (ch == '#' && text.charAt(i - 1) == ' ') {
                stop = i;
                break;
            }
        }
        while (text.charAt(stop - 1) == ' ') {
            stop--;
        }
        return plain(line, at, stop);
    }

    /** Can a plain scalar start at {@code at}? Indicator characters start something else. */
    private boolean plainStart(int at, int end, boolean flow) {
        char c = text.charAt(at);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(c) < 0) {
            return true;
        }
        if (c != '-' || at + 1 >= end) {
            return false;
        }
        char n = text.charAt(at + 1);
        return n != ' ' && !(flow && ",[]{}".indexOf(n) >= 0);
    }

    /** The offset of the quote closing the one at {@code at}, or -1 (also for escapes, which SnakeYAML reads). */
    private int closingQuote(int at, int end) {
        char q = text.charAt(at);
        for (int i = at + 1; i < end; i++) {
            char c = text.charAt(i);
            if (q == '"' && c == '\\') {
                return -1;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    private ScalarNode quoted(int line, int open, int close) {
        String value = text.substring(open + 1, close);
        boolean single = text.charAt(open) == '\'';
        if (single && value.indexOf('\'') >= 0) {
            value = value.replace("''", "'");
        }
        Mark m = mark(line, open);
        return new ScalarNode(resolver.resolve(NodeId.scalar, value, false), value, m, m,
                single ? DumperOptions.ScalarStyle.SINGLE_QUOTED : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }

    private ScalarNode plain(int line, int from, int to) {
        String value = text.substring(from, to);
        Mark m = mark(line, from);
        return new ScalarNode(resolver.resolve(NodeId.scalar, value, true), value, m, m, DumperOptions.ScalarStyle.PLAIN);
    }

    //**** Flow collections (one line) ****//

    /** A flow sequence or mapping opening at {@code at}; {@code after[0]} receives the offset past its close. */
    private Node flow(int line, int at, int end, int depth, int[] after) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        boolean isMap = text.charAt(at) == '{';
        char close = isMap ? '}' : ']';
        Mark start = mark(line, at);
        List<Node> items = new ArrayList<>();
        List<NodeTuple> entries = new ArrayList<>();
        int i = skipSpaces(at + 1, end);
        if (i < end && text.charAt(i) == close) {
            after[0] = i + 1;
        } else {
            while (true) {
                Node first = flowItem(line, i, end, depth + 1, after, isMap);
                i = skipSpaces(after[0], end);
                if (isMap) {
                    if (i >= end || text.charAt(i) != ':' || i + 1 >= end || text.charAt(i + 1) != ' ') {
                        throw GIVE_UP;
                    }
                    i = skipSpaces(i + 1, end);
                    if (i >= end || text.charAt(i) == ',' || text.charAt(i) == '}') {
                        throw GIVE_UP;
                    }
                    Node value = flowItem(line, i, end, depth + 1, after, false);
                    entries.add(new NodeTuple(first, value));
                    i = skipSpaces(after[0], end);
                } else {
                    items.add(first);
                }
                if (i >= end) {
                    throw GIVE_UP;
                }
                char c = text.charAt(i);
                if (c == close) {
                    after[0] = i + 1;
                    break;
                }
                if (c != ',') {
                    throw GIVE_UP;
                }
                i = skipSpaces(i + 1, end);
                if (i >= end || text.charAt(i) == close || text.charAt(i) == ',') {
                    throw GIVE_UP; // a trailing or doubled comma
                }
            }
        }
        if (isMap) {
            return new MappingNode(Tag.MAP, true, entries, start, start, DumperOptions.FlowStyle.FLOW);
        }
        return new SequenceNode(Tag.SEQ, true, items, start, start, DumperOptions.FlowStyle.FLOW);
    }

    /** One value inside a flow collection; a key when {@code key}, which must then be a scalar. */
    private Node flowItem(int line, int at, int end, int depth, int[] after, boolean key) {
        if (at >= end) {
            throw GIVE_UP;
        }
        char c = text.charAt(at);
        if (c == '[' || c == '{') {
            if (key) {
                throw GIVE_UP;
            }
            return flow(line, at, end, depth, after);
        }
        if (c == '"' || c == '\'') {
            int close = closingQuote(at, end);
            if (close < 0) {
                throw GIVE_UP;
            }
            after[0] = close + 1;
            return quoted(line, at, close);
        }
        if (!plainStart(at, end, true)) {
            throw GIVE_UP;
        }
        int i = at;
        while (i < end) {
            char ch = text.charAt(i);
            if (ch == ',' || ch == ']' || ch == '}') {
                break;
            }
            if (ch == ':') {
                if (key && i + 1 < end && text.charAt(i + 1) == ' ') {
                    break;
                }
                throw GIVE_UP;
            }
            if (ch == '#' || ch == '?' || ch == '[' || ch == '{') {
                throw GIVE_UP;
            }
            i++;
        }
        int stop = i;
        while (stop > at && text.charAt(stop - 1) == ' ') {
            stop--;
        }
        if (key && text.charAt(stop) != ':' ) {
            throw GIVE_UP; // "key :" or a key without a value
        }
        after[0] = stop;
        return plain(line, at, stop);
    }
}
