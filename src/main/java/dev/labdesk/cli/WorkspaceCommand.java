package dev.labdesk.cli;

import dev.labdesk.home.LabdeskHome;
import dev.labdesk.workspace.SolutionDiff;
import dev.labdesk.workspace.Workspaces;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "workspace", mixinStandardHelpOptions = true, description = {
        "Show a lab's workspace folder (seeding it from the starter files the first time), start it over, or",
        "compare it with the lab's solution. A reset keeps the old workspace as a backup; nothing is deleted.",
        "Exit 0 on success (--solution-diff: 0 when the workspace matches the solution, 1 when it differs)."})
final class WorkspaceCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(WorkspaceCommand.class.getName());

    @Spec
    CommandSpec spec;

    @ParentCommand
    LabdeskCli root;

    @Parameters(arity = "1", paramLabel = "PATH", description = "a folder of packs, a pack or a lab file")
    Path path;

    @Option(names = "--lab", paramLabel = "ID", description = "the lab (id or pack/id); optional when PATH holds one lab")
    String lab;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--reset", description = "start over from the starter files; the current workspace moves to a backup")
        boolean reset;

        @Option(names = "--solution-diff", description = "show, as a unified diff, what to change to reach the lab's solution")
        boolean diff;
    }

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<LabTarget.Selected> selected = LabTarget.select(path, lab, true, root.registry(), err);
            if (selected == null) {
                return ExitCode.INVALID;
            }
            LabTarget.Selected target = selected.get(0);
            Workspaces workspaces = Workspaces.in(LabdeskHome.resolve());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("pack", target.pack().id());
            doc.put("lab", target.lab().id());
            int code = ExitCode.OK;
            if (mode.reset) {
                Path backup = workspaces.reset(target.pack(), target.lab());
                doc.put("backup", backup == null ? null : backup.toString());
                if (!json) {
                    out.println(backup == null ? "workspace created from the starter files"
                            : "workspace started over; your previous work is in " + backup);
                }
            } else if (mode.diff) {
                SolutionDiff diff = workspaces.showSolution(target.pack(), target.lab());
                doc.put("matches", diff.matches());
                doc.put("diff", diff.render());
                if (!json) {
                    out.print(diff.matches() ? "the workspace matches the solution\n" : diff.render());
                }
                code = diff.matches() ? ExitCode.OK : ExitCode.FAILED;
            }
            Path dir = workspaces.open(target.pack(), target.lab());
            doc.put("workspace", dir.toString());
            if (json) {
                out.println(Json.write(doc));
            } else if (!mode.diff) {
                out.println(dir);
            }
            return code;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "workspace command failed", e);
            err.println("labdesk: cannot prepare the workspace: " + e.getMessage()
                    + ". Fix: make LABDESK_HOME (" + LabdeskHome.resolve().root() + ") writable");
            return ExitCode.ENVIRONMENT;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
