package dev.labdesk.cli;

import dev.labdesk.kind.KindRegistry;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.session.ProgressRecorder;
import dev.labdesk.session.RunRecorder;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code labdesk} command line: every subcommand of the CLI contract. */
@Command(name = "labdesk", mixinStandardHelpOptions = true, versionProvider = LabdeskCli.Version.class,
        description = "A desktop lab for learning cloud computing by doing.",
        subcommands = {ValidateCommand.class, ListCommand.class, CheckCommand.class, RunCommand.class, TestCommand.class,
                DoctorCommand.class, WorkspaceCommand.class, TrustCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 checks or tests failed, 2 usage error or invalid pack,",
                "3 a required environment is unavailable, 4 internal error (see the log)."})
public final class LabdeskCli {

    private static final Logger LOG = Logger.getLogger(LabdeskCli.class.getName());

    private KindRegistry registry;
    private final RunRecorder recorder;

    private LabdeskCli(KindRegistry registry, RunRecorder recorder) {
        this.registry = registry;
        this.recorder = recorder;
    }

    /** Runs a command line and returns its exit code; never lets an exception reach the user. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, null, null);
    }

    /**
     * The same with the kinds and the recorder given (tests, embedding); null means the defaults: every
     * plugin on the class path, and {@link #defaultRecorder()}.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, KindRegistry registry, RunRecorder recorder) {
        CommandLine cli = new CommandLine(new LabdeskCli(registry, recorder));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("labdesk: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'labdesk " + (ex.getCommandLine().getParent() == null ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return ExitCode.INVALID;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            LOG.log(Level.SEVERE, "command failed", ex);
            commandLine.getErr().println("labdesk: internal error: " + ex
                    + "\nThis is a bug in LabDesk. The log has the details: " + Logs.file());
            return ExitCode.INTERNAL;
        });
        return cli.execute(args);
    }

    synchronized KindRegistry registry() {
        if (registry == null) {
            registry = KindRegistry.load();
        }
        return registry;
    }

    RunRecorder recorder() {
        return recorder != null ? recorder : defaultRecorder();
    }

    /** Where {@code check} and {@code run} record finished runs: the progress store plugs in here. */
    static RunRecorder defaultRecorder() {
        return new ProgressRecorder(LabdeskHome.resolve());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LabdeskCli.class.getPackage().getImplementationVersion();
            return new String[] {"labdesk " + (v == null ? "dev" : v)};
        }
    }
}
