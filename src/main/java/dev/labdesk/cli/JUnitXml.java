package dev.labdesk.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML as CI systems read it (GitHub Actions test reporters, GitLab's junit artifacts): a testsuite per lab,
 * a testcase per check, {@code <failure>}, {@code <error>} or {@code <skipped>} for the ones that did not pass.
 * Written by hand so escaping is exact: attribute line breaks become {@code &#10;} and characters XML 1.0
 * forbids are dropped.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    public record Suite(String name, Instant timestamp, List<Case> cases) {
        public Suite {
            cases = List.copyOf(cases);
        }

        long count(Kind kind) {
            return cases.stream().filter(c -> c.kind() == kind).count();
        }

        double seconds() {
            return cases.stream().mapToDouble(Case::seconds).sum();
        }
    }

    public enum Kind {
        PASSED, FAILURE, ERROR, SKIPPED
    }

    /**
     * @param message one line for the CI summary: expected vs actual, and the hint
     * @param detail  the full text (evidence included) shown when the test is opened
     */
    public record Case(String classname, String name, double seconds, Kind kind, String message, String detail) {
    }

    public static void write(Path file, List<Suite> suites) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(render(suites));
        }
    }

    public static String render(List<Suite> suites) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = suites.stream().mapToLong(s -> s.cases().size()).sum();
        b.append("<testsuites name=\"labdesk\" tests=\"").append(tests)
                .append("\" failures=\"").append(suites.stream().mapToLong(s -> s.count(Kind.FAILURE)).sum())
                .append("\" errors=\"").append(suites.stream().mapToLong(s -> s.count(Kind.ERROR)).sum())
                .append("\" skipped=\"").append(suites.stream().mapToLong(s -> s.count(Kind.SKIPPED)).sum())
                .append("\" time=\"").append(seconds(suites.stream().mapToDouble(Suite::seconds).sum())).append("\">\n");
        for (Suite s : suites) {
            b.append("  <testsuite name=\"").append(attr(s.name())).append("\" tests=\"").append(s.cases().size())
                    .append("\" failures=\"").append(s.count(Kind.FAILURE))
                    .append("\" errors=\"").append(s.count(Kind.ERROR))
                    .append("\" skipped=\"").append(s.count(Kind.SKIPPED))
                    .append("\" time=\"").append(seconds(s.seconds()))
                    .append("\" timestamp=\"").append(s.timestamp().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""))
                    .append("\">\n");
            for (Case c : s.cases()) {
                b.append("    <testcase classname=\"").append(attr(c.classname())).append("\" name=\"").append(attr(c.name()))
                        .append("\" time=\"").append(seconds(c.seconds())).append('"');
                if (c.kind() == Kind.PASSED) {
                    b.append("/>\n");
                    continue;
                }
                b.append(">\n");
                String tag = switch (c.kind()) {
                    case FAILURE -> "failure";
                    case ERROR -> "error";
                    default -> "skipped";
                };
                b.append("      <").append(tag).append(" message=\"").append(attr(c.message())).append('"');
                if (c.kind() != Kind.SKIPPED) {
                    b.append(" type=\"").append(tag.equals("failure") ? "CheckFailed" : "CheckError").append('"');
                }
                if (c.detail() == null || c.detail().isEmpty()) {
                    b.append("/>\n");
                } else {
                    b.append('>').append(text(c.detail())).append("</").append(tag).append(">\n");
                }
                b.append("    </testcase>\n");
            }
            b.append("  </testsuite>\n");
        }
        return b.append("</testsuites>\n").toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    static String attr(String s) {
        return escape(s, true);
    }

    static String text(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\'' -> b.append(attribute ? "&apos;" : "'");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (allowed(cp)) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        }
        return b.toString();
    }

    /** XML 1.0's Char production; a lone surrogate arrives here as its own code point and is dropped. */
    private static boolean allowed(int cp) {
        return (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
