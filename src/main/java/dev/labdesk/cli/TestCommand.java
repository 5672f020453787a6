package dev.labdesk.cli;

import dev.labdesk.action.ActionResult;
import dev.labdesk.check.CheckReport;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.session.LabTestReport;
import dev.labdesk.session.LabTester;
import dev.labdesk.task.TaskExecutor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "test", mixinStandardHelpOptions = true, description = {
        "For authors: test labs in temporary folders (fresh work must fail, the solution must pass).",
        "A fresh copy of files/<lab>/ must NOT pass all checks; files/<lab>/ + solutions/<lab>/, after the lab's"
                + " actions in document order, MUST pass them all.",
        "Exit 0 when every lab passes, 1 when one fails, 2 for a usage error or an invalid pack, 3 when an environment is missing."})
final class TestCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(TestCommand.class.getName());

    @Spec
    CommandSpec spec;

    @ParentCommand
    LabdeskCli root;

    @Parameters(arity = "1", paramLabel = "PATH", description = "a folder of packs, a pack or a lab file")
    Path path;

    @Option(names = "--lab", paramLabel = "ID", description = "test only this lab (id or pack/id)")
    String lab;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write JUnit XML (a testsuite per lab) to FILE")
    Path junit;

    @Option(names = "--trust", description = "run actions and checks that run commands (lab:shell, command) this once;"
            + " 'labdesk trust PATH' remembers it")
    boolean trust;

    @Option(names = "--keep", description = "keep the containers and images the labs' actions created "
            + "(by default what carries a tested lab's label is removed after its test)")
    boolean keep;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return test(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int test(PrintWriter out, PrintWriter err) throws InterruptedException {
        KindRegistry registry = root.registry();
        List<LabTarget.Selected> labs = LabTarget.select(path, lab, false, registry, err);
        if (labs == null) {
            return ExitCode.INVALID;
        }
        List<Boolean> trusted = new ArrayList<>();
        try (TrustLookup lookup = new TrustLookup(trust, LabdeskHome.resolve(), err)) {
            labs.forEach(target -> trusted.add(lookup.trusted(target.pack(), registry.needsTrust(target.lab()))));
        }
        List<Map<String, Object>> jsonLabs = new ArrayList<>();
        List<JUnitXml.Suite> suites = new ArrayList<>();
        List<LabTestReport> reports = new ArrayList<>();
        try (TaskExecutor executor = TaskExecutor.pool("test")) {
            for (int i = 0; i < labs.size(); i++) {
                LabTarget.Selected target = labs.get(i);
                LabTester tester = new LabTester(registry, executor, trusted.get(i)).keepingArtifacts(keep);
                Instant started = Instant.now();
                ActionOutput output = new ActionOutput(null);
                if (!json) {
                    out.println("lab " + target.key() + "  (" + target.lab().file() + ")");
                    out.flush();
                }
                LabTestReport report;
                try {
                    report = tester.test(target.pack(), target.lab(), output);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "lab test failed", e);
                    err.println("labdesk: cannot prepare temporary folders for " + target.key() + ": " + e.getMessage());
                    return ExitCode.ENVIRONMENT;
                }
                reports.add(report);
                if (json) {
                    jsonLabs.add(json(target, report, output));
                } else {
                    print(out, target, report, output);
                    output.log(LabTester.CLEANUP).forEach(line -> out.println("  cleaned up: " + line));
                }
                suites.add(new JUnitXml.Suite(target.key(), started, junit(target, report, output)));
            }
        } finally {
            registry.closeServices();
        }
        int code = exitCode(reports);
        long passed = reports.stream().filter(LabTestReport::ok).count();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", code == ExitCode.OK);
            doc.put("exitCode", code);
            doc.put("passed", passed);
            doc.put("failed", reports.size() - passed);
            doc.put("labs", jsonLabs);
            out.println(Json.write(doc));
        } else {
            out.println(reports.size() + (reports.size() == 1 ? " lab tested: " : " labs tested: ") + passed + " passed, "
                    + (reports.size() - passed) + " failed");
        }
        reports.forEach(r -> CheckOutput.printEnvironment(err, r.environmentProblems()));
        if (junit != null) {
            try {
                JUnitXml.write(junit, suites);
            } catch (IOException e) {
                err.println("labdesk: cannot write " + junit + ": " + e.getMessage());
                return ExitCode.INVALID;
            }
        }
        return code;
    }

    static int exitCode(List<LabTestReport> reports) {
        if (reports.stream().anyMatch(r -> r.verdict() == LabTestReport.Verdict.ENVIRONMENT)) {
            return ExitCode.ENVIRONMENT;
        }
        return reports.stream().allMatch(LabTestReport::ok) ? ExitCode.OK : ExitCode.FAILED;
    }

    private static void print(PrintWriter out, LabTarget.Selected target, LabTestReport r, ActionOutput output) {
        if (r.verdict() == LabTestReport.Verdict.NO_CHECKS) {
            out.println("  OK: " + r.message());
            out.flush();
            return;
        }
        CheckReport fresh = r.fresh();
        long freshFailing = fresh.results().stream().filter(x -> !x.passed()).count();
        out.println("  fresh workspace: " + freshFailing + " of " + fresh.results().size() + " checks do not pass"
                + (freshFailing > 0 ? " (as they should)" : " -- every check passes without the learner's work"));
        if (r.verdict() == LabTestReport.Verdict.BROKEN) {
            CheckOutput.print(out, target.lab(), fresh, "    ");
        }
        for (ActionResult a : r.actions()) {
            out.println("  action " + ActionOutput.line(a));
            if (!a.ok() && !a.refused()) {
                List<String> log = output.log(a.id());
                log.subList(Math.max(0, log.size() - 15), log.size()).forEach(l -> out.println("      | " + l));
            }
        }
        out.println("  solution:");
        CheckOutput.print(out, target.lab(), r.solution(), "    ");
        out.println("  " + (r.ok() ? "PASSED" : r.verdict() == LabTestReport.Verdict.ENVIRONMENT ? "NOT TESTED" : "FAILED")
                + ": " + r.message());
        out.flush();
    }

    private static Map<String, Object> json(LabTarget.Selected target, LabTestReport r, ActionOutput output) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pack", r.packId());
        m.put("lab", r.labId());
        m.put("file", target.lab().file().toString());
        m.put("ok", r.ok());
        m.put("verdict", r.verdict().name());
        m.put("message", r.message());
        m.put("cleanup", output.log(LabTester.CLEANUP));
        if (r.fresh() != null) {
            Map<String, Object> fresh = new LinkedHashMap<>();
            fresh.put("summary", CheckOutput.summaryJson(r.fresh()));
            fresh.put("results", CheckOutput.json(target.lab(), r.fresh()));
            m.put("fresh", fresh);
        }
        m.put("actions", r.actions().stream().map(output::json).toList());
        if (r.solution() != null) {
            Map<String, Object> solution = new LinkedHashMap<>();
            solution.put("summary", CheckOutput.summaryJson(r.solution()));
            solution.put("results", CheckOutput.json(target.lab(), r.solution()));
            m.put("solution", solution);
        }
        m.put("environment", CheckOutput.environmentJson(r.environmentProblems()));
        return m;
    }

    private static List<JUnitXml.Case> junit(LabTarget.Selected target, LabTestReport r, ActionOutput output) {
        String classname = r.packId() + "." + r.labId();
        List<JUnitXml.Case> cases = new ArrayList<>();
        if (r.fresh() == null) {
            cases.add(new JUnitXml.Case(classname, "lab has checks", 0, JUnitXml.Kind.SKIPPED, r.message(), null));
            return cases;
        }
        double freshSecs = r.fresh().elapsedMs() / 1000.0;
        cases.add(r.verdict() == LabTestReport.Verdict.BROKEN
                ? new JUnitXml.Case(classname, "fresh workspace does not pass", freshSecs, JUnitXml.Kind.FAILURE, r.message(),
                String.join("\n", r.fresh().results().stream().map(x -> x.id() + ": " + x.actual()).toList()))
                : new JUnitXml.Case(classname, "fresh workspace does not pass", freshSecs, JUnitXml.Kind.PASSED, null, null));
        r.actions().forEach(a -> cases.add(output.junit(classname, a)));
        cases.addAll(CheckOutput.junit(classname, "solution: ", r.solution()));
        return cases;
    }
}
