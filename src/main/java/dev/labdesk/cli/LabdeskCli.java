package dev.labdesk.cli;

import dev.labdesk.kind.KindRegistry;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.session.ProgressRecorder;
import dev.labdesk.session.RunRecorder;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code labdesk} command line: every subcommand of the CLI contract. */
@Command(name = "labdesk", mixinStandardHelpOptions = true, versionProvider = LabdeskCli.Version.class,
        description = "A desktop lab for learning cloud computing by doing.",
        footer = {"", "Exit codes: 0 ok, 1 checks or tests failed, 2 usage error or invalid pack,",
                "3 a required environment is unavailable, 4 internal error (see the log)."})
public final class LabdeskCli {

    private static final Logger LOG = Logger.getLogger(LabdeskCli.class.getName());

    /**
     * Every subcommand, in the order help lists them. A run builds only the one it was asked for:
     * picocli reflects over each command it is given, and doing that for all of them was the
     * largest fixed cost of a short command such as {@code validate}. Help and typos get them all.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("validate", ValidateCommand::new);
        COMMANDS.put("list", ListCommand::new);
        COMMANDS.put("check", CheckCommand::new);
        COMMANDS.put("run", RunCommand::new);
        COMMANDS.put("test", TestCommand::new);
        COMMANDS.put("doctor", DoctorCommand::new);
        COMMANDS.put("workspace", WorkspaceCommand::new);
        COMMANDS.put("trust", TrustCommand::new);
    }

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
        if (registry == null && ValidateCommand.isPlain(args)) {
            try {
                return ValidateCommand.validatePlain(args, out, err);
            } catch (RuntimeException e) {
                return internalError(e, err);
            }
        }
        return viaPicocli(args, out, err, registry, recorder);
    }

    /** The same without the shortcut for a plain {@code validate}: tests hold the two to the same output. */
    static int viaPicocli(String[] args, PrintWriter out, PrintWriter err, KindRegistry registry, RunRecorder recorder) {
        CommandLine cli = new CommandLine(new LabdeskCli(registry, recorder));
        String wanted = args.length > 0 && COMMANDS.containsKey(args[0]) ? args[0] : null;
        COMMANDS.forEach((name, command) -> {
            if (wanted == null || wanted.equals(name)) {
                cli.addSubcommand(name, command.get());
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("labdesk: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, ex.getCommandLine().getErr());
            }
            ex.getCommandLine().getErr().println("Try 'labdesk " + (ex.getCommandLine().getParent() == null ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return ExitCode.INVALID;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalError(ex, commandLine.getErr()));
        return cli.execute(args);
    }

    private static int internalError(Exception e, PrintWriter err) {
        LOG.log(Level.SEVERE, "command failed", e);
        err.println("labdesk: internal error: " + e + "\nThis is a bug in LabDesk. The log has the details: " + Logs.file());
        err.flush();
        return ExitCode.INTERNAL;
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
