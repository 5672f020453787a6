package dev.labdesk.cli;

import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Problem;
import dev.labdesk.validate.ValidationReport;
import dev.labdesk.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", description = {
        "Check packs, labs and notes; report every problem as FILE:LINE:COL: error|warning: MESSAGE [CODE].",
        "Exit 0 when there are no errors (warnings allowed), 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "a folder of packs and notes, a pack, a pack.yaml, a lab or a note")
    List<Path> paths;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Override
    public Integer call() {
        return validate(paths, json, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Whether {@code args} are a {@code validate} that needs nothing of picocli: paths and
     * {@code --json}, no other option, no {@code @argument-file}. Editors and CI run exactly that on
     * every save, and picocli's classes, built for Java 5, are the one part of a run the launcher's
     * class-data archive cannot hold: parsing these arguments by hand saves a third of the start-up.
     */
    static boolean isPlain(String[] args) {
        if (args.length < 2 || !args[0].equals("validate")) {
            return false;
        }
        int paths = 0;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json")) {
                continue;
            }
            if (a.isEmpty() || a.startsWith("-") || a.startsWith("@") || a.indexOf('\0') >= 0) {
                return false;
            }
            paths++;
        }
        return paths > 0;
    }

    /** Runs a command line that {@link #isPlain} accepted. */
    static int validatePlain(String[] args, PrintWriter out, PrintWriter err) {
        List<Path> paths = new ArrayList<>();
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--json")) {
                json = true;
            } else {
                paths.add(Path.of(args[i]));
            }
        }
        return validate(paths, json, out, err);
    }

    static int validate(List<Path> paths, boolean json, PrintWriter out, PrintWriter err) {
        ValidationReport report = new Validator(KindRegistry.load()).validate(paths);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", report.ok());
            doc.put("errors", report.errors());
            doc.put("warnings", report.warnings());
            doc.put("files", report.files());
            doc.put("problems", Json.problems(report.problems()));
            out.println(Json.write(doc));
        } else {
            for (Problem p : report.problems()) {
                out.println(p.format());
            }
            err.println(summary(report));
        }
        out.flush();
        err.flush();
        return report.ok() ? ExitCode.OK : ExitCode.INVALID;
    }

    static String summary(ValidationReport r) {
        return (r.ok() ? "ok: " : "invalid: ") + plural(r.errors(), "error") + ", " + plural(r.warnings(), "warning")
                + " in " + plural(r.files(), "file");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
