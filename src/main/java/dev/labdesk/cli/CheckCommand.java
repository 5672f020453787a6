package dev.labdesk.cli;

import dev.labdesk.check.CheckReport;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.progress.ProgressException;
import dev.labdesk.session.LabSession;
import dev.labdesk.session.ProgressRecorder;
import dev.labdesk.session.RunRecorder;
import dev.labdesk.task.TaskExecutor;
import dev.labdesk.workspace.Workspaces;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

@Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Run a lab's checks now, on its workspace (or --workspace DIR), and show expected vs actual for each.",
        "Exit 0 when none fails, 1 when one fails, 2 for a usage error or an invalid pack, 3 when an environment is missing."})
final class CheckCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(CheckCommand.class.getName());

    @Spec
    CommandSpec spec;

    @ParentCommand
    LabdeskCli root;

    @Parameters(arity = "1", paramLabel = "PATH", description = "a folder of packs, a pack or a lab file")
    Path path;

    @Option(names = "--lab", paramLabel = "ID", description = "the lab (id or pack/id); optional when PATH holds one lab")
    String lab;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write JUnit XML (a testcase per check) to FILE")
    Path junit;

    @Option(names = "--trust", description = "allow checks that run commands this once (for packs you wrote or whose"
            + " author you trust); 'labdesk trust PATH' remembers it")
    boolean trust;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "check this folder instead of the lab's workspace under LABDESK_HOME (grading a submission)")
    Path workspace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return check(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int check(PrintWriter out, PrintWriter err) {
        KindRegistry registry = root.registry();
        List<LabTarget.Selected> selected = LabTarget.select(path, lab, true, registry, err);
        if (selected == null) {
            return ExitCode.INVALID;
        }
        LabTarget.Selected target = selected.get(0);
        Path ws;
        if (workspace != null) {
            if (!Files.isDirectory(workspace)) {
                err.println("labdesk: --workspace " + workspace + " is not a folder");
                return ExitCode.INVALID;
            }
            ws = workspace.toAbsolutePath().normalize();
        } else {
            try {
                ws = Workspaces.in(LabdeskHome.resolve()).open(target.pack(), target.lab());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot open workspace", e);
                err.println("labdesk: cannot create the lab's workspace: " + e.getMessage()
                        + ". Fix: make LABDESK_HOME (" + LabdeskHome.resolve().root() + ") writable, or pass --workspace DIR");
                return ExitCode.ENVIRONMENT;
            }
        }
        boolean trusted;
        try (TrustLookup lookup = new TrustLookup(trust, LabdeskHome.resolve(), err)) {
            trusted = lookup.trusted(target.pack(), target.lab().checks().stream().anyMatch(registry::needsTrust));
        }
        Instant started = Instant.now();
        CheckReport report;
        try (TaskExecutor executor = TaskExecutor.pool("check");
             LabSession session = new LabSession(registry, executor, target.pack(), target.lab(), ws, trusted)) {
            report = session.check();
        } finally {
            registry.closeServices();
        }
        try {
            if (workspace == null) { // a folder given with --workspace is someone's submission, not this user's progress
                RunRecorder recorder = root.recorder();
                recorder.checksFinished(target.pack(), target.lab(), ws, report);
                if (recorder instanceof ProgressRecorder store && store.lastRun() != null) {
                    err.println("progress saved (run " + store.lastRun().id() + " in " + LabdeskHome.resolve().progressDb() + ")");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recording the run failed", e);
            String why = e instanceof ProgressException p ? p.userMessage() : e.getMessage();
            err.println("labdesk: warning: the results were not saved to your progress: " + why);
        }
        int code = exitCode(report);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("pack", target.pack().id());
            doc.put("lab", target.lab().id());
            doc.put("workspace", ws.toString());
            doc.put("ok", code == ExitCode.OK);
            doc.put("exitCode", code);
            doc.put("summary", CheckOutput.summaryJson(report));
            doc.put("elapsedMs", report.elapsedMs());
            doc.put("results", CheckOutput.json(target.lab(), report));
            doc.put("environment", CheckOutput.environmentJson(report.environmentProblems()));
            out.println(Json.write(doc));
        } else {
            out.println("check " + target.key() + "  (workspace " + ws + ")");
            if (report.results().isEmpty()) {
                out.println("  the lab has no checks");
            }
            CheckOutput.print(out, target.lab(), report, "  ");
            out.println(report.summary() + " in " + report.elapsedMs() + " ms");
        }
        CheckOutput.printEnvironment(err, report.environmentProblems());
        if (junit != null) {
            try {
                JUnitXml.write(junit, List.of(new JUnitXml.Suite(target.key(), started,
                        CheckOutput.junit(target.pack().id() + "." + target.lab().id(), "", report))));
            } catch (IOException e) {
                err.println("labdesk: cannot write " + junit + ": " + e.getMessage());
                return ExitCode.INVALID;
            }
        }
        return code;
    }

    static int exitCode(CheckReport report) {
        if (!report.environmentProblems().isEmpty()) {
            return ExitCode.ENVIRONMENT;
        }
        return report.noFailures() ? ExitCode.OK : ExitCode.FAILED;
    }
}
