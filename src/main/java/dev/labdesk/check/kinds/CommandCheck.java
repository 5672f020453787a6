package dev.labdesk.check.kinds;

import dev.labdesk.check.CheckRunner;
import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.check.Matchers;
import dev.labdesk.check.Verdicts;
import dev.labdesk.pack.Durations;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YScalar;
import dev.labdesk.proc.Shell;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code command: CMD}: runs a command in the workspace (trusted packs only) and checks its exit code and output. */
public final class CommandCheck implements CheckKind {

    @Override
    public String name() {
        return "command";
    }

    @Override
    public String summary() {
        return "a command run in the workspace exits as expected (trusted packs only)";
    }

    @Override
    public Shape subject() {
        return Shapes.oneOf("a command line, or a mapping with run and cwd",
                Shapes.nonBlank(),
                Shapes.obj()
                        .required("run", Shapes.nonBlank(), "the command line, run by sh -c")
                        .optional("cwd", Shapes.relativePath(), "folder inside the workspace to run in")
                        .build());
    }

    @Override
    public Shape expect() {
        return Shapes.obj()
                .optional("exitCode", Shapes.integer(0, 255), "default 0")
                .optional("text", Shapes.listOrOne(Shapes.text()), "text the output must contain")
                .optional("regex", Shapes.listOrOne(Shapes.regex()), "patterns the output must match")
                .build();
    }

    @Override
    public boolean needsTrust() {
        return true;
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) throws IOException, InterruptedException {
        if (!ctx.trusted()) {
            // The runner skips untrusted kinds before this; a direct caller must not get around it.
            return CheckOutcome.skip(CheckRunner.notTrusted(ctx.pack().root()));
        }
        String line;
        Path cwd = ctx.workspace();
        if (check.subject() instanceof YMap map) {
            line = map.text("run");
            if (map.text("cwd") != null) {
                cwd = WorkspaceFiles.resolve(ctx.workspace(), map.text("cwd"));
            }
        } else {
            line = Specs.text(check.subject());
        }
        YMap expect = Specs.map(check.expect());
        long wantExit = 0;
        if (expect != null && expect.get("exitCode") instanceof YScalar s && s.value() instanceof Long n) {
            wantExit = n;
        }
        Duration timeout = check.timeout() != null ? check.timeout() : DEFAULT_TIMEOUT;
        Shell.Result r = Shell.run(line, cwd, Map.of(), timeout, ctx.cancellation(), l -> { });
        String shown = "'" + (line.length() > 60 ? line.substring(0, 57) + "..." : line) + "'";
        if (r.timedOut()) {
            return CheckOutcome.fail(shown + " exits with " + wantExit, shown + " was still running after "
                    + Durations.format(timeout) + " and was stopped").withEvidence(Shell.tail(r.output(), 20));
        }
        List<Matchers.Verdict> verdicts = new ArrayList<>();
        verdicts.add(new Matchers.Verdict(r.exitCode() == wantExit, shown + " exits with " + wantExit,
                shown + " exited with " + r.exitCode()));
        String squashed = Specs.squash(r.output());
        if (expect != null) {
            for (String t : Specs.texts(expect.get("text"))) {
                boolean ok = squashed.contains(Specs.squash(t));
                verdicts.add(new Matchers.Verdict(ok, "the output contains " + Specs.quoted(t),
                        ok ? "the output contains it" : "the output does not contain " + Specs.quoted(t)));
            }
            for (String re : Specs.texts(expect.get("regex"))) {
                boolean ok = Pattern.compile(re, Pattern.MULTILINE).matcher(r.output()).find();
                verdicts.add(new Matchers.Verdict(ok, "the output matches /" + re + "/",
                        ok ? "the output matches it" : "the output does not match /" + re + "/"));
            }
        }
        CheckOutcome outcome = Verdicts.outcome(verdicts);
        String tail = Shell.tail(r.output(), 20);
        return tail.isEmpty() ? outcome : outcome.withEvidence(tail);
    }
}
