package dev.labdesk.cli;

import dev.labdesk.check.CheckReport;
import dev.labdesk.check.CheckResult;
import dev.labdesk.check.EnvironmentProblem;
import dev.labdesk.kind.CheckStatus;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.Lab;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Check results for people (one line per check, details under the ones that did not pass), JSON and JUnit. */
final class CheckOutput {

    private static final int EVIDENCE_LINES = 12;

    private CheckOutput() {
    }

    static void print(PrintWriter out, Lab lab, CheckReport report, String indent) {
        Map<String, CheckSpec> specs = specs(lab);
        int width = report.results().stream().mapToInt(r -> r.id().length()).max().orElse(0);
        for (CheckResult r : report.results()) {
            CheckSpec spec = specs.get(r.id());
            String title = spec != null && spec.title() != null ? "  " + spec.title() : "";
            out.printf("%s%-6s %-" + Math.max(1, width) + "s%s  (%d ms)%n", indent, r.status(), r.id(), title, r.elapsedMs());
            String pad = indent + "       ";
            switch (r.status()) {
                case FAIL -> {
                    field(out, pad, "expected", r.expected());
                    field(out, pad, "actual", r.actual());
                    field(out, pad, "hint", r.hint());
                    field(out, pad, "evidence", evidence(r.evidence()));
                }
                case ERROR -> {
                    field(out, pad, "error", r.actual());
                    field(out, pad, "evidence", evidence(r.evidence()));
                }
                case SKIP -> field(out, pad, "skipped", r.actual());
                default -> { }
            }
        }
    }

    private static void field(PrintWriter out, String pad, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String label = String.format("%-9s ", name + ":");
        String[] lines = value.split("\r?\n", -1);
        out.println(pad + label + lines[0]);
        String cont = pad + " ".repeat(label.length());
        for (int i = 1; i < lines.length; i++) {
            out.println(cont + lines[i]);
        }
    }

    private static String evidence(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.stripTrailing().split("\r?\n", -1);
        if (lines.length <= EVIDENCE_LINES) {
            return text.stripTrailing();
        }
        return String.join("\n", List.of(lines).subList(0, EVIDENCE_LINES)) + "\n... (--json shows all)";
    }

    static void printEnvironment(PrintWriter err, List<EnvironmentProblem> problems) {
        problems.stream().map(p -> p.environment() + ": " + p.userMessage()).distinct()
                .forEach(line -> err.println("labdesk: environment unavailable: " + line));
    }

    static Map<String, CheckSpec> specs(Lab lab) {
        Map<String, CheckSpec> out = new LinkedHashMap<>();
        lab.checks().forEach(c -> out.putIfAbsent(c.id(), c));
        return out;
    }

    static List<Map<String, Object>> json(Lab lab, CheckReport report) {
        Map<String, CheckSpec> specs = specs(lab);
        return report.results().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            CheckSpec spec = specs.get(r.id());
            m.put("id", r.id());
            m.put("title", spec == null ? null : spec.title());
            m.put("kind", spec == null ? null : spec.kind());
            m.put("status", r.status().name());
            m.put("expected", r.expected());
            m.put("actual", r.actual());
            m.put("evidence", r.evidence());
            m.put("hint", r.hint());
            m.put("elapsedMs", r.elapsedMs());
            return m;
        }).toList();
    }

    static Map<String, Object> summaryJson(CheckReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", report.results().size());
        for (CheckStatus s : CheckStatus.values()) {
            m.put(s.name().toLowerCase(java.util.Locale.ROOT), report.count(s));
        }
        return m;
    }

    static List<Map<String, Object>> environmentJson(List<EnvironmentProblem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", p.source());
            m.put("environment", p.environment());
            m.put("message", p.message());
            m.put("fix", p.fix());
            return m;
        }).toList();
    }

    /** One testcase per check. */
    static List<JUnitXml.Case> junit(String classname, String prefix, CheckReport report) {
        return report.results().stream().map(r -> junitCase(classname, prefix + r.id(), r)).toList();
    }

    static JUnitXml.Case junitCase(String classname, String name, CheckResult r) {
        double secs = r.elapsedMs() / 1000.0;
        return switch (r.status()) {
            case PASS -> new JUnitXml.Case(classname, name, secs, JUnitXml.Kind.PASSED, null, null);
            case FAIL -> new JUnitXml.Case(classname, name, secs, JUnitXml.Kind.FAILURE, failureMessage(r), detail(r));
            case ERROR -> new JUnitXml.Case(classname, name, secs, JUnitXml.Kind.ERROR, r.actual(), detail(r));
            case SKIP -> new JUnitXml.Case(classname, name, secs, JUnitXml.Kind.SKIPPED, r.actual(), null);
        };
    }

    /** "expected: status 200; actual: status 503; hint: start the server". */
    static String failureMessage(CheckResult r) {
        return "expected: " + r.expected() + "; actual: " + r.actual() + (r.hint() == null ? "" : "; hint: " + r.hint());
    }

    private static String detail(CheckResult r) {
        StringBuilder b = new StringBuilder();
        if (r.expected() != null) {
            b.append("expected: ").append(r.expected()).append('\n');
        }
        b.append(r.status() == CheckStatus.ERROR ? "error:    " : "actual:   ").append(r.actual()).append('\n');
        if (r.hint() != null) {
            b.append("hint:     ").append(r.hint()).append('\n');
        }
        if (r.evidence() != null) {
            b.append("evidence:\n").append(r.evidence()).append('\n');
        }
        return b.toString();
    }
}
