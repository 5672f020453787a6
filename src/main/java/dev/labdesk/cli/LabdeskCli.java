package dev.labdesk.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code labdesk} command line: every subcommand of the CLI contract. */
@Command(name = "labdesk", mixinStandardHelpOptions = true, versionProvider = LabdeskCli.Version.class,
        description = "A desktop lab for learning cloud computing by doing.",
        subcommands = {ValidateCommand.class, ListCommand.class, DoctorCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 checks or tests failed, 2 usage error or invalid pack,",
                "3 a required environment is unavailable, 4 internal error (see the log)."})
public final class LabdeskCli {

    private static final Logger LOG = Logger.getLogger(LabdeskCli.class.getName());

    /** Runs a command line and returns its exit code; never lets an exception reach the user. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LabdeskCli());
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LabdeskCli.class.getPackage().getImplementationVersion();
            return new String[] {"labdesk " + (v == null ? "dev" : v)};
        }
    }
}
