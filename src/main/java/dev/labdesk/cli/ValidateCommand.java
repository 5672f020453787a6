package dev.labdesk.cli;

import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Problem;
import dev.labdesk.validate.ValidationReport;
import dev.labdesk.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        ValidationReport report = new Validator(KindRegistry.load()).validate(paths);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
