package dev.labdesk.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A line scanner for the CommonMark structure LabDesk reads: block quotes and list items as
 * containers, fenced and indented code, ATX and setext headings, HTML blocks, paragraphs with
 * their reference definitions, and inline links and images with code spans and escapes.
 *
 * <p>Why not a full Markdown parser: validating a 1,000-lab pack must take well under two seconds
 * from a cold JVM, and a general parser spent most of that building a tree this scan never reads.
 * Every offset here is an offset into the file's text, so positions are exact whatever the
 * nesting. Nesting deeper than {@link #MAX_DEPTH} containers is read as text, never as recursion.
 */
final class MarkdownBlocks {

    /** Receives what the scan finds, in document order. */
    interface Sink {
        /** @param start offset of the heading's first character ({@code #} or the setext text) */
        void heading(int level, String text, int start);

        /**
         * @param start        offset of the opening fence
         * @param infoStart    offset of the info string, or -1 when it is empty
         * @param lineStarts   offset of each content line's first character (after the containers)
         */
        void fence(String info, int start, int infoStart, String content, int[] lineStarts);

        void link(String url, boolean image, int urlStart);
    }

    static final int MAX_DEPTH = 64;

    private static final Set<String> HTML_BLOCK_TAGS = Set.of("address", "article", "aside", "base", "basefont",
            "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl",
            "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
            "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem",
            "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section", "summary", "table",
            "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul");

    private final String text;
    private final Sink sink;

    /** Open containers: a block quote ({@code indent < 0}) or a list item needing this much indentation. */
    private final int[] containers = new int[MAX_DEPTH];
    private int depth;

    // The open leaf block, if any.
    private static final int NONE = 0;
    private static final int PARAGRAPH = 1;
    private static final int FENCE = 2;
    private static final int HTML = 3;
    private int leaf = NONE;

    // Paragraph: segments [start, end) of the file.
    private final List<int[]> para = new ArrayList<>();

    // Fence.
    private char fenceChar;
    private int fenceLength;
    private int fenceIndent;
    private int fenceStart;
    private int fenceInfoStart;
    private String fenceInfo;
    private final StringBuilder fenceContent = new StringBuilder();
    private int[] fenceLines = new int[8];
    private int fenceLineCount;

    // HTML block: what ends it (null: a blank line).
    private String htmlEnd;

    // Reading position within the current line.
    private int pos;
    private int lineEnd;

    private MarkdownBlocks(String text, Sink sink) {
        this.text = text;
        this.sink = sink;
    }

    /** Scans {@code text} from {@code from} to the end. */
    static void scan(String text, int from, Sink sink) {
        MarkdownBlocks b = new MarkdownBlocks(text, sink);
        int start = from;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            b.line(start, contentEnd);
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        b.closeLeaf();
    }

    //**** Block structure ****//

    private void line(int start, int end) {
        pos = start;
        lineEnd = end;
        int matched = matchContainers();
        boolean allMatched = matched == depth;

        if (leaf == FENCE && allMatched) {
            fenceLine();
            return;
        }
        if (leaf == HTML && allMatched) {
            htmlLine();
            return;
        }
        if (!allMatched) {
            // A paragraph may continue lazily into a line that does not repeat the containers.
            if (leaf == PARAGRAPH && !isBlank(pos) && !startsBlock(pos)) {
                para.add(new int[] {pos, lineEnd});
                return;
            }
            closeLeaf();
            depth = matched;
        }
        openContainersAndLeaf();
    }

    /** Consumes the prefixes of the open containers; returns how many matched. */
    private int matchContainers() {
        for (int i = 0; i < depth; i++) {
            int c = containers[i];
            if (c < 0) {
                int p = skipSpaces(pos, 3);
                if (p < lineEnd && text.charAt(p) == '>') {
                    p++;
                    if (p < lineEnd && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                        p++;
                    }
                    pos = p;
                } else {
                    return i;
                }
            } else {
                if (isBlank(pos)) {
                    pos = lineEnd;
                    continue;
                }
                int p = skipSpaces(pos, c);
                if (indentBetween(pos, p) >= c) {
                    pos = p;
                } else {
                    return i;
                }
            }
        }
        return depth;
    }

    private void openContainersAndLeaf() {
        while (true) {
            if (isBlank(pos)) {
                if (leaf != FENCE && leaf != HTML) {
                    closeLeaf();
                } else if (leaf == HTML && htmlEnd == null) {
                    closeLeaf();
                }
                return;
            }
            int p = skipSpaces(pos, 3);
            int indent = indentBetween(pos, p);
            if (indent > 3 || (p < lineEnd && text.charAt(p) == ' ') || (p < lineEnd && text.charAt(p) == '\t')) {
                // Four columns or more: indented code, unless it continues a paragraph.
                if (leaf == PARAGRAPH) {
                    para.add(new int[] {pos, lineEnd});
                } else {
                    closeLeaf();
                }
                return;
            }
            if (depth < MAX_DEPTH && p < lineEnd && text.charAt(p) == '>') {
                closeLeaf();
                containers[depth++] = -1;
                p++;
                if (p < lineEnd && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                    p++;
                }
                pos = p;
                continue;
            }
            int item = depth < MAX_DEPTH ? listItem(p) : -1;
            if (item >= 0) {
                closeLeaf();
                // Continuation lines need as many columns as the marker and its spaces took here.
                containers[depth++] = indentBetween(pos, p) + itemColumns;
                pos = item;
                continue;
            }
            leafLine(p);
            return;
        }
    }

    private void leafLine(int p) {
        char c = p < lineEnd ? text.charAt(p) : '\n';
        if ((c == '`' || c == '~') && openFence(p)) {
            return;
        }
        if (c == '#') {
            int level = 0;
            while (p + level < lineEnd && text.charAt(p + level) == '#' && level < 7) {
                level++;
            }
            int after = p + level;
            if (level <= 6 && (after == lineEnd || text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                closeLeaf();
                atxHeading(p, level, after);
                return;
            }
        }
        if (leaf == PARAGRAPH && (c == '=' || c == '-') && setextUnderline(p, c)) {
            setextHeading(c == '=' ? 1 : 2);
            return;
        }
        if ((c == '-' || c == '*' || c == '_') && thematicBreak(p)) {
            closeLeaf();
            return;
        }
        if (c == '<') {
            String end = htmlStart(p, leaf == PARAGRAPH);
            if (end != null) {
                closeLeaf();
                leaf = HTML;
                htmlEnd = end.isEmpty() ? null : end;
                htmlLine();
                return;
            }
        }
        if (leaf != PARAGRAPH) {
            closeLeaf();
            leaf = PARAGRAPH;
        }
        para.add(new int[] {p, lineEnd});
    }

    /** Whether a line that does not continue the containers starts a new block (ending a lazy paragraph). */
    private boolean startsBlock(int from) {
        int p = skipSpaces(from, 3);
        if (indentBetween(from, p) > 3 || p >= lineEnd) {
            return false;
        }
        char c = text.charAt(p);
        if (c == '>') {
            return true;
        }
        if (c == '#') {
            int level = 0;
            while (p + level < lineEnd && text.charAt(p + level) == '#' && level < 7) {
                level++;
            }
            int after = p + level;
            if (level <= 6 && (after == lineEnd || text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                return true;
            }
        }
        if ((c == '`' || c == '~') && fenceRun(p) >= 3) {
            return true;
        }
        if ((c == '-' || c == '*' || c == '_') && thematicBreak(p)) {
            return true;
        }
        if (listItem(p) >= 0) {
            return true;
        }
        return c == '<' && htmlStart(p, true) != null;
    }

    //**** Fenced code ****//

    private int fenceRun(int p) {
        char c = text.charAt(p);
        int n = 0;
        while (p + n < lineEnd && text.charAt(p + n) == c) {
            n++;
        }
        return n;
    }

    private boolean openFence(int p) {
        char c = text.charAt(p);
        int n = fenceRun(p);
        if (n < 3) {
            return false;
        }
        int infoFrom = skipWhitespace(p + n);
        int infoTo = lineEnd;
        while (infoTo > infoFrom && Character.isWhitespace(text.charAt(infoTo - 1))) {
            infoTo--;
        }
        String info = text.substring(infoFrom, infoTo);
        if (c == '`' && info.indexOf('`') >= 0) {
            return false;
        }
        closeLeaf();
        leaf = FENCE;
        fenceChar = c;
        fenceLength = n;
        fenceIndent = indentBetween(pos, p);
        fenceStart = p;
        fenceInfoStart = info.isEmpty() ? -1 : infoFrom;
        fenceInfo = unescape(info);
        fenceContent.setLength(0);
        fenceLineCount = 0;
        return true;
    }

    private void fenceLine() {
        int p = skipSpaces(pos, 3);
        if (indentBetween(pos, p) <= 3 && p < lineEnd && text.charAt(p) == fenceChar) {
            int n = fenceRun(p);
            if (n >= fenceLength && skipWhitespace(p + n) == lineEnd) {
                closeLeaf();
                return;
            }
        }
        int start = skipSpaces(pos, fenceIndent);
        if (fenceLineCount == fenceLines.length) {
            fenceLines = java.util.Arrays.copyOf(fenceLines, fenceLines.length * 2);
        }
        fenceLines[fenceLineCount++] = start;
        fenceContent.append(text, start, lineEnd).append('\n');
    }

    //**** HTML blocks ****//

    /** The text that ends an HTML block starting here, "" for a blank line, or null when none starts. */
    private String htmlStart(int p, boolean interruptsParagraph) {
        String rest = text.substring(p, Math.min(lineEnd, p + 64)).toLowerCase(Locale.ROOT);
        for (String tag : new String[] {"script", "pre", "style", "textarea"}) {
            if (rest.startsWith("<" + tag) && (rest.length() == tag.length() + 1
                    || " \t>".indexOf(rest.charAt(tag.length() + 1)) >= 0)) {
                return "</" + tag + ">";
            }
        }
        if (rest.startsWith("<!--")) {
            return "-->";
        }
        if (rest.startsWith("<?")) {
            return "?>";
        }
        if (rest.startsWith("<![cdata[")) {
            return "]]>";
        }
        if (rest.length() > 2 && rest.charAt(1) == '!' && Character.isLetter(rest.charAt(2))) {
            return ">";
        }
        int i = rest.startsWith("</") ? 2 : 1;
        int nameEnd = i;
        while (nameEnd < rest.length() && (Character.isLetterOrDigit(rest.charAt(nameEnd)) || rest.charAt(nameEnd) == '-')) {
            nameEnd++;
        }
        if (nameEnd == i || !Character.isLetter(rest.charAt(i))) {
            return null;
        }
        String name = rest.substring(i, nameEnd);
        boolean ends = nameEnd == rest.length() || " \t>".indexOf(rest.charAt(nameEnd)) >= 0 || rest.startsWith("/>", nameEnd);
        if (HTML_BLOCK_TAGS.contains(name) && ends) {
            return "";
        }
        // Any other complete tag alone on its line, when it does not interrupt a paragraph.
        if (!interruptsParagraph) {
            String line = text.substring(p, lineEnd).trim();
            if (ends && line.endsWith(">") && line.indexOf('>') == line.length() - 1) {
                return "";
            }
        }
        return null;
    }

    private void htmlLine() {
        if (htmlEnd == null ? isBlank(pos) : text.substring(pos, lineEnd).toLowerCase(Locale.ROOT).contains(htmlEnd)) {
            closeLeaf();
        }
    }

    //**** Headings and breaks ****//

    private void atxHeading(int p, int level, int after) {
        int from = skipWhitespace(after);
        int to = lineEnd;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        // A closing run of '#' preceded by a space is not part of the text.
        int hashes = to;
        while (hashes > from && text.charAt(hashes - 1) == '#') {
            hashes--;
        }
        if (hashes < to && (hashes == from || text.charAt(hashes - 1) == ' ' || text.charAt(hashes - 1) == '\t')) {
            to = hashes;
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
        }
        sink.heading(level, text.substring(from, to), p);
        inline(List.of(new int[] {from, to}));
    }

    private boolean setextUnderline(int p, char c) {
        int i = p;
        while (i < lineEnd && text.charAt(i) == c) {
            i++;
        }
        return skipWhitespace(i) == lineEnd;
    }

    private void setextHeading(int level) {
        List<int[]> segments = new ArrayList<>(para);
        para.clear();
        leaf = NONE;
        List<int[]> rest = referenceDefinitions(segments);
        if (rest.isEmpty()) {
            // Only definitions: the underline is a paragraph of its own (or a break); nothing to report.
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (int[] s : rest) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(text, s[0], s[1]);
        }
        sink.heading(level, sb.toString().trim(), rest.get(0)[0]);
        inline(rest);
    }

    private boolean thematicBreak(int p) {
        char c = text.charAt(p);
        int count = 0;
        for (int i = p; i < lineEnd; i++) {
            char x = text.charAt(i);
            if (x == c) {
                count++;
            } else if (x != ' ' && x != '\t') {
                return false;
            }
        }
        return count >= 3;
    }

    /** Set by {@link #listItem}: columns from the marker to the content. */
    private int itemColumns;

    /** The offset where a list item's content starts, or -1 when no list marker is here. */
    private int listItem(int p) {
        if (p >= lineEnd) {
            return -1;
        }
        char c = text.charAt(p);
        int after;
        if (c == '-' || c == '+' || c == '*') {
            if (thematicBreak(p)) {
                return -1;
            }
            after = p + 1;
        } else if (c >= '0' && c <= '9') {
            int i = p;
            while (i < lineEnd && i - p < 9 && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i >= lineEnd || (text.charAt(i) != '.' && text.charAt(i) != ')')) {
                return -1;
            }
            if (leaf == PARAGRAPH && !text.substring(p, i).equals("1")) {
                return -1;
            }
            after = i + 1;
        } else {
            return -1;
        }
        if (after == lineEnd) {
            itemColumns = after - p + 1;
            return leaf == PARAGRAPH ? -1 : after; // an empty item cannot interrupt a paragraph
        }
        char next = text.charAt(after);
        if (next != ' ' && next != '\t') {
            return -1;
        }
        if (leaf == PARAGRAPH && isBlank(after)) {
            return -1;
        }
        int content = skipSpaces(after, 5);
        int spaces = indentBetween(after, content);
        if (content == lineEnd || spaces > 4) {
            itemColumns = after - p + 1; // blank start, or indented code inside the item: one space
            return after + 1;
        }
        itemColumns = after - p + spaces;
        return content;
    }

    //**** Leaves ****//

    private void closeLeaf() {
        if (leaf == PARAGRAPH) {
            List<int[]> segments = new ArrayList<>(para);
            para.clear();
            leaf = NONE;
            inline(referenceDefinitions(segments));
        } else if (leaf == FENCE) {
            leaf = NONE;
            sink.fence(fenceInfo, fenceStart, fenceInfoStart, fenceContent.toString(),
                    java.util.Arrays.copyOf(fenceLines, fenceLineCount));
            fenceContent.setLength(0);
        } else {
            leaf = NONE;
        }
    }

    /**
     * Reports the definitions ({@code [label]: url}) that open a paragraph and returns the segments
     * after them. A definition is read from one line; that covers how labs write them.
     */
    private List<int[]> referenceDefinitions(List<int[]> segments) {
        int i = 0;
        while (i < segments.size()) {
            int[] s = segments.get(i);
            int p = s[0];
            if (p >= s[1] || text.charAt(p) != '[') {
                break;
            }
            int close = p + 1;
            while (close < s[1] && text.charAt(close) != ']') {
                if (text.charAt(close) == '\\') {
                    close++;
                } else if (text.charAt(close) == '[') {
                    break;
                }
                close++;
            }
            if (close >= s[1] || text.charAt(close) != ']' || close == p + 1 || close + 1 >= s[1]
                    || text.charAt(close + 1) != ':') {
                break;
            }
            int d = skipWhitespace(close + 2);
            int[] dest = d < s[1] ? destination(d, s[1]) : null;
            if (dest == null) {
                break;
            }
            int after = skipWhitespace(dest[2]);
            if (after < s[1]) {
                char q = text.charAt(after);
                if (q != '"' && q != '\'' && q != '(') {
                    break;
                }
            }
            sink.link(text.substring(dest[0], dest[1]), false, dest[0]);
            i++;
        }
        return i == 0 ? segments : segments.subList(i, segments.size());
    }

    //**** Inline: links and images ****//

    private void inline(List<int[]> segments) {
        for (int[] s : segments) {
            for (int i = s[0]; i < s[1]; i++) {
                if (text.charAt(i) == '[') {
                    inlineRange(segments);
                    return;
                }
            }
        }
    }

    /** Scans the paragraph as one run of text: links may wrap across its lines. */
    private void inlineRange(List<int[]> segments) {
        StringBuilder sb = new StringBuilder();
        int[] map = new int[0];
        int total = 0;
        for (int[] s : segments) {
            total += s[1] - s[0] + 1;
        }
        map = new int[total + 1];
        for (int[] s : segments) {
            for (int k = s[0]; k < s[1]; k++) {
                map[sb.length()] = k;
                sb.append(text.charAt(k));
            }
            map[sb.length()] = s[1];
            sb.append('\n');
        }
        map[sb.length()] = segments.get(segments.size() - 1)[1];
        new MarkdownInline(sb, map, sink).scan(0, sb.length(), 0);
    }

    //**** Helpers ****//

    /** A one-line link destination at {@code d}: {start, end, after}, or null. */
    private int[] destination(int d, int end) {
        if (text.charAt(d) == '<') {
            for (int j = d + 1; j < end; j++) {
                if (text.charAt(j) == '>') {
                    return new int[] {d + 1, j, j + 1};
                }
            }
            return null;
        }
        int j = d;
        while (j < end && text.charAt(j) > ' ') {
            j++;
        }
        return j == d ? null : new int[] {d, j, j};
    }

    private boolean isBlank(int from) {
        return skipWhitespace(from) >= lineEnd;
    }

    private int skipWhitespace(int p) {
        while (p < lineEnd && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    /** Skips spaces and tabs worth up to {@code columns} columns (a tab counts to the next multiple of 4). */
    private int skipSpaces(int p, int columns) {
        int col = 0;
        while (p < lineEnd && col < columns) {
            char c = text.charAt(p);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col = (col / 4 + 1) * 4;
            } else {
                break;
            }
            p++;
        }
        return p;
    }

    /** Columns of whitespace from {@code from} to {@code to}. */
    private int indentBetween(int from, int to) {
        int col = 0;
        for (int i = from; i < to; i++) {
            col = text.charAt(i) == '\t' ? (col / 4 + 1) * 4 : col + 1;
        }
        return col;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && isAsciiPunctuation(s.charAt(i + 1))) {
                sb.append(s.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
    }
}
