package dev.labdesk.cli;

import dev.labdesk.kind.KindRegistry;
import dev.labdesk.session.RunRecorder;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line, with what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun run(KindRegistry registry, RunRecorder recorder, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabdeskCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), registry, recorder);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run(null, null, args);
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
