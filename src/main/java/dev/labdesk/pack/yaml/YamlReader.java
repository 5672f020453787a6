package dev.labdesk.pack.yaml;

import dev.labdesk.pack.Problems;
import dev.labdesk.pack.SourcePos;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML document into a {@link YNode} tree with positions in the enclosing file.
 *
 * <p>Untrusted input: never throws for bad YAML. Syntax errors, alias bombs, cycles, excessive
 * nesting and oversized text are reported to {@link Problems} and yield {@code null}.
 */
public final class YamlReader {

    /** Code {@value} marks YAML that could not be read at all. */
    public static final String SYNTAX = "yaml-syntax";

    static final int MAX_NODES = 100_000;
    static final int MAX_DEPTH = 64;
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /**
     * Lab YAML holds settings, not data. SnakeYAML's reader copies its window for every 1 KB of a
     * single token, so a multi-megabyte scalar costs minutes; refusing big blocks keeps it linear.
     */
    public static final int MAX_CHARS = 256 * 1024;
    /** Code {@value} marks YAML too large to read. */
    public static final String TOO_LARGE = "too-large";

    /** Read-only once built, so one instance serves every thread; building it compiles a dozen regexes. */
    private static final Resolver RESOLVER = new QuickResolver();

    /**
     * SnakeYAML's resolver, minus the regexes that cannot match: a plain scalar whose first
     * character starts no implicit type (bool, int, float, null, merge...) is text. The default
     * resolver runs at least one regex on every scalar, which is most of its cost on lab YAML.
     */
    private static final class QuickResolver extends Resolver {
        private final boolean[] typedFirstChar = new boolean[128];
        private final Map<String, Tag> letterWords = new java.util.concurrent.ConcurrentHashMap<>();

        QuickResolver() {
            for (Character c : yamlImplicitResolvers.keySet()) {
                if (c != null && c < 128) {
                    typedFirstChar[c] = true;
                } else if (c != null) {
                    throw new IllegalStateException("SnakeYAML resolves types starting with U+" + (int) c);
                }
            }
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind != NodeId.scalar || !implicit || value.isEmpty()) {
                return super.resolve(kind, value, implicit);
            }
            char first = value.charAt(0);
            // Only the null-key resolver (the empty pattern) applies to every first character, and
            // it matches nothing but "".
            if (first >= 128 || !typedFirstChar[first]) {
                return Tag.STR;
            }
            // Keys and words such as 'title', 'file.exists' or 'name' start like booleans and nulls:
            // remember what the regexes said about short ones, which repeat in every block.
            if (Character.isLetter(first) && value.length() <= 24) {
                Tag known = letterWords.get(value);
                if (known == null) {
                    known = super.resolve(kind, value, implicit);
                    if (letterWords.size() < 4096) {
                        letterWords.put(value, known);
                    }
                }
                return known;
            }
            return super.resolve(kind, value, implicit);
        }
    }

    /**
     * Maps a place in the YAML text (0-based line and column, as SnakeYAML counts them) to the
     * place in the enclosing file. Fenced blocks inside list items or quotes strip a different
     * prefix from each line, so the mapping is per line.
     */
    @FunctionalInterface
    public interface Locator {
        SourcePos at(int line, int col);

        /** Text cut out of {@code file} at {@code firstLine}, with {@code colOffset} columns removed from every line. */
        static Locator shifted(Path file, int firstLine, int colOffset) {
            return (line, col) -> new SourcePos(file, firstLine + line, col + 1 + colOffset);
        }
    }

    private final Locator locator;
    private final Problems problems;
    private int nodes;

    private YamlReader(Locator locator, Problems problems) {
        this.locator = locator;
        this.problems = problems;
    }

    /**
     * @param firstLine the 1-based line in {@code file} where {@code text} starts
     * @param colOffset columns removed from every line before {@code text} was cut out (fence indent)
     * @return the document, or null when it is empty or could not be read (then a problem says why)
     */
    public static YNode read(String text, Path file, int firstLine, int colOffset, Problems problems) {
        return parse(text, file, firstLine, colOffset, problems).node();
    }

    /** Like {@link #read(String, Path, int, int, Problems)}, placing positions with {@code locator}. */
    public static YNode read(String text, Locator locator, Problems problems) {
        return parse(text, locator, problems).node();
    }

    /** The document, and whether reading it failed (as opposed to it being empty). */
    public record Result(YNode node, boolean failed) {
    }

    public static Result parse(String text, Path file, int firstLine, int colOffset, Problems problems) {
        return parse(text, Locator.shifted(file, firstLine, colOffset), problems);
    }

    /** Reads {@code text}, placing every position with {@code locator}. */
    public static Result parse(String text, Locator locator, Problems problems) {
        return parse(text, locator, problems, true);
    }

    /** With {@code quick} false, SnakeYAML reads every text: tests compare the two readers. */
    static Result parse(String text, Locator locator, Problems problems, boolean quick) {
        YamlReader reader = new YamlReader(locator, problems);
        YNode node = reader.read(text, quick);
        return new Result(node, reader.failed);
    }

    private boolean failed;

    private YNode read(String text, boolean quick) {
        YNode node = readOrNull(text, quick);
        failed = node == null && failed;
        return node;
    }

    private YNode readOrNull(String text, boolean quick) {
        if (text.length() > MAX_CHARS) {
            problems.error(locator.at(0, 0), TOO_LARGE, "this YAML is " + (text.length() / 1024) + " KB; lab YAML holds "
                    + "settings and must stay under " + (MAX_CHARS / 1024) + " KB (put data into a file under files/)");
            return fail();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        try {
            Node plain = quick ? QuickYaml.read(text, RESOLVER) : null;
            if (plain != null) {
                return convert(plain, new IdentityHashMap<>(), 0);
            }
            // The composer alone: new Yaml(...) would also build a constructor and a representer per block.
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options);
            if (!composer.checkNode()) {
                return null;
            }
            Node root = composer.getNode();
            if (composer.checkNode()) {
                problems.error(locator.at(secondDocumentLine(text), 0), SYNTAX,
                        "only one YAML document is allowed here; remove this '---' line and what follows it");
            }
            return root == null ? null : convert(root, new IdentityHashMap<>(), 0);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.error(pos(mark), SYNTAX, "YAML syntax: " + describe(e));
            return fail();
        } catch (YAMLException e) {
            problems.error(pos(null), SYNTAX, "YAML could not be read: " + oneLine(e.getMessage()));
            return fail();
        } catch (TooBig e) {
            problems.error(e.at, SYNTAX, e.getMessage());
            return fail();
        } catch (StackOverflowError e) {
            problems.error(pos(null), SYNTAX, "YAML is nested too deeply to read; flatten it");
            return fail();
        } catch (RuntimeException e) {
            // SnakeYAML signals a few edge cases (odd encodings, broken surrogates) with plain runtime exceptions.
            problems.error(pos(null), SYNTAX, "YAML could not be read: " + oneLine(String.valueOf(e.getMessage())));
            return fail();
        }
    }

    /** The 0-based line of the first '---' after some content: where a second document starts. */
    private static int secondDocumentLine(String text) {
        int line = 0;
        boolean content = false;
        for (String l : text.split("\n", -1)) {
            if (content && (l.equals("---") || l.startsWith("--- ") || l.equals("---\r"))) {
                return line;
            }
            String t = l.strip();
            content |= !t.isEmpty() && !t.startsWith("#") && !t.equals("---");
            line++;
        }
        return 0;
    }

    private YNode fail() {
        failed = true;
        return null;
    }

    private YNode convert(Node node, Map<Node, Boolean> path, int depth) {
        if (++nodes > MAX_NODES) {
            throw new TooBig(pos(node.getStartMark()),
                    "YAML expands to more than " + MAX_NODES + " values (too many aliases?); write it out plainly");
        }
        if (depth > MAX_DEPTH) {
            throw new TooBig(pos(node.getStartMark()), "YAML is nested more than " + MAX_DEPTH + " levels deep; flatten it");
        }
        if (path.containsKey(node)) {
            throw new TooBig(pos(node.getStartMark()), "YAML alias refers to itself; a value cannot contain itself");
        }
        SourcePos at = pos(node.getStartMark());
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, at);
        }
        path.put(node, Boolean.TRUE);
        try {
            if (node instanceof SequenceNode seq) {
                List<YNode> items = new ArrayList<>(seq.getValue().size());
                for (Node item : seq.getValue()) {
                    items.add(convert(item, path, depth + 1));
                }
                return new YSeq(items, at);
            }
            MappingNode map = (MappingNode) node;
            List<YMap.Entry> entries = new ArrayList<>(map.getValue().size());
            // The mapping's own keys win over merged ones wherever '<<' is written.
            Set<String> own = new HashSet<>();
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode sk && !tag(sk).equals(Tag.MERGE)) {
                    own.add(sk.getValue());
                }
            }
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : map.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode sk)) {
                    problems.error(pos(keyNode.getStartMark()), SYNTAX,
                            "a key must be plain text, not " + (keyNode instanceof MappingNode ? "a mapping" : "a list"));
                    continue;
                }
                YScalar key = scalar(sk, pos(sk.getStartMark()));
                if (tag(sk).equals(Tag.MERGE)) {
                    mergeInto(entries, own, seen, key.pos(), tuple.getValueNode(), path, depth);
                    continue;
                }
                if (!seen.add(key.asText())) {
                    problems.error(key.pos(), "duplicate-key",
                            "key '" + key.asText() + "' appears twice in this mapping; keep one");
                    continue;
                }
                entries.add(new YMap.Entry(key, convert(tuple.getValueNode(), path, depth + 1)));
            }
            return new YMap(entries, at);
        } finally {
            path.remove(node);
        }
    }

    /** {@code <<: *base} merges keys the mapping does not set itself. */
    private void mergeInto(List<YMap.Entry> entries, Set<String> own, Set<String> merged, SourcePos mergeKey,
                           Node source, Map<Node, Boolean> path, int depth) {
        List<Node> sources = source instanceof SequenceNode seq ? seq.getValue() : List.of(source);
        for (Node s : sources) {
            if (!(s instanceof MappingNode)) {
                // An alias has no position of its own (it is the anchored node), so point at '<<'.
                problems.error(mergeKey, SYNTAX, "'<<' merges mappings only, like '<<: *defaults' where "
                        + "'defaults: &defaults' is a mapping; this is " + (s instanceof SequenceNode ? "a list" : "a single value"));
                continue;
            }
            if (convert(s, path, depth + 1) instanceof YMap m) {
                for (YMap.Entry e : m.entries()) {
                    // Earlier sources win over later ones, as YAML's merge key specifies.
                    if (!own.contains(e.name()) && merged.add(e.name())) {
                        entries.add(e);
                    }
                }
            }
        }
    }

    private static Tag tag(Node node) {
        return node.getTag() == null ? Tag.STR : node.getTag();
    }

    private static YScalar scalar(ScalarNode node, SourcePos at) {
        String text = node.getValue();
        Tag tag = tag(node);
        Object value;
        if (tag.equals(Tag.NULL)) {
            value = null;
        } else if (tag.equals(Tag.BOOL)) {
            String t = text.toLowerCase(Locale.ROOT);
            value = t.equals("true") || t.equals("yes") || t.equals("on");
        } else if (tag.equals(Tag.INT)) {
            value = parseInt(text);
        } else if (tag.equals(Tag.FLOAT)) {
            value = parseFloat(text);
        } else {
            value = text;
        }
        return new YScalar(text, value, at);
    }

    private static Object parseInt(String raw) {
        String t = raw.replace("_", "");
        try {
            boolean negative = t.startsWith("-");
            String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
            BigInteger v;
            if (digits.startsWith("0x")) {
                v = new BigInteger(digits.substring(2), 16);
            } else if (digits.startsWith("0b")) {
                v = new BigInteger(digits.substring(2), 2);
            } else if (digits.startsWith("0o")) {
                v = new BigInteger(digits.substring(2), 8);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                v = new BigInteger(digits.substring(1), 8);
            } else {
                v = new BigInteger(digits);
            }
            if (negative) {
                v = v.negate();
            }
            return v.bitLength() < 64 ? (Object) v.longValue() : v.doubleValue();
        } catch (NumberFormatException e) {
            return raw; // sexagesimal and other YAML 1.1 oddities stay text
        }
    }

    private static Object parseFloat(String raw) {
        String t = raw.replace("_", "").toLowerCase(Locale.ROOT);
        if (t.endsWith(".inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (t.equals(".nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private SourcePos pos(Mark mark) {
        return mark == null ? locator.at(0, 0) : locator.at(mark.getLine(), mark.getColumn());
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        String context = e.getContext();
        String text = problem == null ? "invalid YAML" : problem;
        if (text.contains("'\\t'") || text.contains("\\t(TAB)")) {
            return "a tab cannot indent YAML; indent with spaces";
        }
        if (context != null && problem != null && !context.equals(problem)) {
            text = text + " (" + context + ")";
        }
        String hint = "";
        if (text.contains("mapping values are not allowed")) {
            hint = "; put quotes around a value that contains ': '";
        } else if (text.contains("could not find expected ':'")) {
            hint = "; each line of a mapping is 'key: value'";
        } else if (text.contains("found undefined alias")) {
            hint = "; define the anchor with '&name' before using '*name'";
        } else if (text.contains("found unexpected end of stream")) {
            hint = "; close the quote or bracket that is still open";
        } else if (text.contains("expected <block end>")) {
            hint = "; check the indentation of this line against the lines above";
        }
        return oneLine(text) + hint;
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 297) + "..." : t;
    }

    private static final class TooBig extends RuntimeException {
        final SourcePos at;

        TooBig(SourcePos at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
