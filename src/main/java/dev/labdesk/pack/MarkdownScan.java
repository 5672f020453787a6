package dev.labdesk.pack;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Markdown file LabDesk cares about, in document order, with positions:
 * YAML front matter, headings, fenced code blocks, links and images.
 */
public final class MarkdownScan {

    public sealed interface Element permits HeadingAt, FenceAt {
        SourcePos pos();
    }

    /**
     * @param id     the explicit {@code {#id}} or the GitHub-style slug of the text (steps use this)
     * @param anchor the link anchor: the id, suffixed -1, -2... when an earlier heading has the same slug
     */
    public record HeadingAt(int level, String text, String id, String anchor, boolean explicitId, SourcePos pos)
            implements Element {
    }

    /**
     * @param content          the text between the fences
     * @param contentFirstLine the 1-based line where content starts
     * @param colOffset        columns of indentation before the fence, for positions inside content
     * @param pos              where the info string starts (the {@code lab:...} word), or the fence when it has none
     * @param lineIndents      for each content line, the columns the Markdown container (list item,
     *                         quote, fence indentation) took off its start; may be shorter than the content
     */
    public record FenceAt(String info, String content, int contentFirstLine, int colOffset, SourcePos pos,
                          int[] lineIndents) implements Element {

        public FenceAt(String info, String content, int contentFirstLine, int colOffset, SourcePos pos) {
            this(info, content, contentFirstLine, colOffset, pos, new int[0]);
        }

        /** Places YAML read from {@link #content()} at its line and column in the file. */
        public YamlReader.Locator locator() {
            Path file = pos.file();
            return (line, col) -> new SourcePos(file, contentFirstLine + line,
                    col + 1 + (line >= 0 && line < lineIndents.length ? lineIndents[line] : colOffset));
        }

        public String firstWord() {
            String t = info.trim();
            int space = indexOfSpace(t);
            return space < 0 ? t : t.substring(0, space);
        }

        private static int indexOfSpace(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '{') {
                    return i;
                }
            }
            return -1;
        }
    }

    // No extensions: tables, strikethrough and the like change nothing this scan reads (links in a
    // table cell are links either way), and each extension costs time on every line.
    private static final Parser PARSER = Parser.builder(new MutableDataSet()).build();
    private static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{#([A-Za-z0-9][A-Za-z0-9._-]*)}\\s*$");

    private final SourceText source;
    private final YNode frontMatter;
    private final boolean hasFrontMatter;
    private final List<Element> elements;
    private final List<MdLink> links;
    private final Set<String> anchors;

    private MarkdownScan(SourceText source, YNode frontMatter, boolean hasFrontMatter, List<Element> elements,
                         List<MdLink> links, Set<String> anchors) {
        this.source = source;
        this.frontMatter = frontMatter;
        this.hasFrontMatter = hasFrontMatter;
        this.elements = elements;
        this.links = links;
        this.anchors = anchors;
    }

    public SourceText source() {
        return source;
    }

    /** The front matter, or null when there is none or it could not be read. */
    public YNode frontMatter() {
        return frontMatter;
    }

    public boolean hasFrontMatter() {
        return hasFrontMatter;
    }

    public List<Element> elements() {
        return elements;
    }

    public List<MdLink> links() {
        return links;
    }

    public Set<String> anchors() {
        return anchors;
    }

    public static MarkdownScan scan(SourceText source, Problems problems) {
        String text = source.text();
        YNode frontMatter = null;
        boolean hasFrontMatter = false;
        int bodyStart = 0;
        if (text.startsWith("---\n") || text.startsWith("---\r\n")) {
            hasFrontMatter = true;
            int close = findFrontMatterEnd(text);
            if (close < 0) {
                problems.error(SourcePos.start(source.file()), "yaml-syntax",
                        "front matter opens with '---' on line 1 but no line with only '---' closes it");
                bodyStart = 0;
            } else {
                int contentStart = text.indexOf('\n') + 1;
                frontMatter = YamlReader.read(text.substring(contentStart, close), source.file(), 2, 0, problems);
                int afterClose = text.indexOf('\n', close);
                bodyStart = afterClose < 0 ? text.length() : afterClose + 1;
            }
        }
        // Blank out front matter so offsets (and therefore lines) stay those of the file.
        String body = bodyStart == 0 ? text : blank(text, bodyStart);
        Document doc = PARSER.parse(body);
        List<Element> elements = new ArrayList<>();
        List<MdLink> links = new ArrayList<>();
        Set<String> anchors = new HashSet<>();
        Set<String> seenSlugs = new HashSet<>();
        for (Node node : doc.getDescendants()) {
            if (node instanceof Heading h) {
                HeadingAt heading = heading(h, source, seenSlugs);
                anchors.add(heading.anchor());
                elements.add(heading);
            } else if (node instanceof FencedCodeBlock f) {
                elements.add(fence(f, source));
            } else if (node instanceof Image img) {
                links.add(new MdLink(img.getUrl().toString(), true, source.pos(img.getUrl().getStartOffset())));
            } else if (node instanceof Link link) {
                links.add(new MdLink(link.getUrl().toString(), false, source.pos(link.getUrl().getStartOffset())));
            } else if (node instanceof Reference ref) {
                links.add(new MdLink(ref.getUrl().toString(), false, source.pos(ref.getUrl().getStartOffset())));
            }
        }
        return new MarkdownScan(source, frontMatter, hasFrontMatter, List.copyOf(elements), List.copyOf(links), anchors);
    }

    private static int findFrontMatterEnd(String text) {
        int lineStart = text.indexOf('\n') + 1;
        while (lineStart > 0 && lineStart < text.length()) {
            int end = text.indexOf('\n', lineStart);
            String line = (end < 0 ? text.substring(lineStart) : text.substring(lineStart, end)).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return lineStart;
            }
            lineStart = end < 0 ? -1 : end + 1;
        }
        return -1;
    }

    private static String blank(String text, int upTo) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < upTo; i++) {
            char c = text.charAt(i);
            sb.append(c == '\n' || c == '\r' ? c : ' ');
        }
        return sb.append(text, upTo, text.length()).toString();
    }

    private static HeadingAt heading(Heading h, SourceText source, Set<String> seenSlugs) {
        String text = h.getText().toString().trim();
        Matcher m = EXPLICIT_ID.matcher(text);
        if (m.find()) {
            String title = text.substring(0, m.start()).trim();
            seenSlugs.add(m.group(1));
            return new HeadingAt(h.getLevel(), title, m.group(1), m.group(1), true, source.pos(h.getStartOffset()));
        }
        String slug = slug(text);
        String unique = slug;
        for (int n = 1; !seenSlugs.add(unique); n++) {
            unique = slug + "-" + n;
        }
        return new HeadingAt(h.getLevel(), text, slug, unique, false, source.pos(h.getStartOffset()));
    }

    private static FenceAt fence(FencedCodeBlock f, SourceText source) {
        SourcePos fencePos = source.pos(f.getStartOffset());
        String content = f.getContentChars().toString();
        SourcePos infoPos = f.getInfo().isEmpty() ? fencePos : source.pos(f.getInfo().getStartOffset());
        List<BasedSequence> lines = f.getContentLines();
        int[] indents = new int[lines.size()];
        int contentFirstLine = fencePos.line() + 1;
        for (int i = 0; i < indents.length; i++) {
            BasedSequence line = lines.get(i);
            // Each content line is a slice of the file: where it starts is what the container stripped.
            indents[i] = line.isNull() ? fencePos.col() - 1 : source.pos(line.getStartOffset()).col() - 1;
        }
        return new FenceAt(f.getInfo().toString(), content, contentFirstLine, fencePos.col() - 1, infoPos, indents);
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    public static String slug(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
