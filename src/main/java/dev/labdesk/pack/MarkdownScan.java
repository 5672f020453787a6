package dev.labdesk.pack;

import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    private static final Pattern EXPLICIT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

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
        List<Element> elements = new ArrayList<>();
        List<MdLink> links = new ArrayList<>();
        Set<String> anchors = new HashSet<>();
        Set<String> seenSlugs = new HashSet<>();
        MarkdownBlocks.scan(text, bodyStart, new MarkdownBlocks.Sink() {
            @Override
            public void heading(int level, String headingText, int start) {
                HeadingAt heading = MarkdownScan.heading(level, headingText, source.pos(start), seenSlugs);
                anchors.add(heading.anchor());
                elements.add(heading);
            }

            @Override
            public void fence(String info, int start, int infoStart, String content, int[] lineStarts) {
                SourcePos fencePos = source.pos(start);
                SourcePos infoPos = infoStart < 0 ? fencePos : source.pos(infoStart);
                int[] indents = new int[lineStarts.length];
                for (int i = 0; i < indents.length; i++) {
                    indents[i] = source.pos(lineStarts[i]).col() - 1;
                }
                elements.add(new FenceAt(info, content, fencePos.line() + 1, fencePos.col() - 1, infoPos, indents));
            }

            @Override
            public void link(String url, boolean image, int urlStart) {
                links.add(new MdLink(url, image, source.pos(urlStart)));
            }
        });
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

    /** The id in a trailing {@code {#id}}, or null. Looks only at the end: headings can be megabytes long. */
    private static String explicitId(String text) {
        if (!text.endsWith("}")) {
            return null;
        }
        int open = text.lastIndexOf("{#");
        if (open < 0) {
            return null;
        }
        String id = text.substring(open + 2, text.length() - 1);
        return EXPLICIT_ID.matcher(id).matches() ? id : null;
    }

    private static HeadingAt heading(int level, String raw, SourcePos pos, Set<String> seenSlugs) {
        String text = raw.trim();
        String explicit = explicitId(text);
        if (explicit != null) {
            String title = text.substring(0, text.lastIndexOf("{#")).trim();
            seenSlugs.add(explicit);
            return new HeadingAt(level, title, explicit, explicit, true, pos);
        }
        String slug = slug(text);
        String unique = slug;
        for (int n = 1; !seenSlugs.add(unique); n++) {
            unique = slug + "-" + n;
        }
        return new HeadingAt(level, text, slug, unique, false, pos);
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
