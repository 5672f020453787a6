package dev.labdesk.cli;

import dev.labdesk.action.ActionResult;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.yaml.YScalar;
import dev.labdesk.session.LabSession;
import dev.labdesk.task.TaskExecutor;
import dev.labdesk.workspace.Workspaces;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

@Command(name = "run", mixinStandardHelpOptions = true, description = {
        "Run a lab's actions headless, in document order (or one with --action ID), on its workspace.",
        "Exit 0 when all succeed, 1 when one fails, 2 for a usage error or an invalid pack, 3 when an environment is missing."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(RunCommand.class.getName());

    @Spec
    CommandSpec spec;

    @ParentCommand
    LabdeskCli root;

    @Parameters(arity = "1", paramLabel = "PATH", description = "a folder of packs, a pack or a lab file")
    Path path;

    @Option(names = "--lab", paramLabel = "ID", description = "the lab (id or pack/id); optional when PATH holds one lab")
    String lab;

    @Option(names = "--action", paramLabel = "ID", description = "run only this action")
    String action;

    @Option(names = "--json", description = "print the results as JSON (logs included) instead of streaming")
    boolean json;

    @Option(names = "--trust", description = "allow actions that run commands this once (for packs you wrote or whose"
            + " author you trust); 'labdesk trust PATH' remembers it")
    boolean trust;

    @Option(names = "--workspace", paramLabel = "DIR", description = "run in this folder instead of the lab's workspace")
    Path workspace;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws InterruptedException {
        KindRegistry registry = root.registry();
        List<LabTarget.Selected> selected = LabTarget.select(path, lab, true, registry, err);
        if (selected == null) {
            return ExitCode.INVALID;
        }
        LabTarget.Selected target = selected.get(0);
        List<Block.Action> actions = target.lab().actions();
        if (action != null) {
            actions = actions.stream().filter(a -> a.id().equals(action)).toList();
            if (actions.isEmpty()) {
                err.println("labdesk: lab " + target.key() + " has no action '" + action + "'; actions: "
                        + (target.lab().actions().isEmpty() ? "none"
                        : String.join(", ", target.lab().actions().stream().map(Block.Action::id).toList())));
                return ExitCode.INVALID;
            }
        }
        Path ws;
        try {
            ws = workspace != null ? workspace.toAbsolutePath().normalize()
                    : Workspaces.in(LabdeskHome.resolve()).open(target.pack(), target.lab());
            if (!Files.isDirectory(ws)) {
                err.println("labdesk: --workspace " + workspace + " is not a folder");
                return ExitCode.INVALID;
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot open workspace", e);
            err.println("labdesk: cannot create the lab's workspace: " + e.getMessage()
                    + ". Fix: make LABDESK_HOME writable, or pass --workspace DIR");
            return ExitCode.ENVIRONMENT;
        }
        boolean trusted;
        try (TrustLookup lookup = new TrustLookup(trust, LabdeskHome.resolve(), err)) {
            trusted = lookup.trusted(target.pack(), actions.stream().anyMatch(registry::needsTrust));
        }
        ActionOutput output = new ActionOutput(json ? null : out);
        if (!json) {
            out.println("run " + target.key() + "  (workspace " + ws + ")");
            out.flush();
        }
        List<ActionResult> results = new ArrayList<>();
        try (TaskExecutor executor = TaskExecutor.pool("run");
             LabSession session = new LabSession(registry, executor, target.pack(), target.lab(), ws, trusted)) {
            for (Block.Action a : actions) {
                ActionResult r = session.run(a, output);
                results.add(r);
                if (!json) {
                    out.println(ActionOutput.line(r));
                    out.flush();
                }
                if (!r.ok() && !r.refused()) {
                    break; // later actions build on this one
                }
            }
        } finally {
            registry.closeServices();
        }
        try {
            if (workspace == null) { // a folder given with --workspace is not this user's progress
                root.recorder().actionsFinished(target.pack(), target.lab(), ws, results);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recording the run failed", e);
            err.println("labdesk: warning: the run was not saved to your progress: " + e.getMessage());
        }
        int code = exitCode(results);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("pack", target.pack().id());
            doc.put("lab", target.lab().id());
            doc.put("workspace", ws.toString());
            doc.put("ok", code == ExitCode.OK);
            doc.put("exitCode", code);
            doc.put("actions", results.stream().map(output::json).toList());
            doc.put("environment", CheckOutput.environmentJson(results.stream()
                    .filter(r -> r.environment() != null).map(ActionResult::environment).toList()));
            out.println(Json.write(doc));
        } else {
            long ok = results.stream().filter(ActionResult::ok).count();
            out.println(results.size() + (results.size() == 1 ? " action: " : " actions: ") + ok + " succeeded"
                    + (results.size() < actions.size() ? ", " + (actions.size() - results.size()) + " not started after the failure" : ""));
            if (actions.stream().anyMatch(RunCommand::background)) {
                err.println("labdesk: note: commands started with 'background: true' stop when 'labdesk run' ends;"
                        + " the desktop app keeps them while the lab is open");
            }
        }
        CheckOutput.printEnvironment(err, results.stream().filter(r -> r.environment() != null).map(ActionResult::environment).toList());
        return code;
    }

    private static boolean background(Block.Action a) {
        return a.body().get("background") instanceof YScalar s && Boolean.TRUE.equals(s.value());
    }

    static int exitCode(List<ActionResult> results) {
        if (results.stream().anyMatch(r -> r.environment() != null)) {
            return ExitCode.ENVIRONMENT;
        }
        return results.stream().allMatch(ActionResult::ok) ? ExitCode.OK : ExitCode.FAILED;
    }
}
