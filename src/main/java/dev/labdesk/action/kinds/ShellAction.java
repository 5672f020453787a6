package dev.labdesk.action.kinds;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.net.HttpCall;
import dev.labdesk.pack.Durations;
import dev.labdesk.pack.schema.ShapeChecker;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YScalar;
import dev.labdesk.proc.BackgroundProcesses;
import dev.labdesk.proc.Shell;
import dev.labdesk.workspace.WorkspacePaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code lab:shell}: runs a command in the workspace, streaming its output. Trusted packs only. With
 * {@code background: true} the command keeps running (a learner's server) until the lab session ends,
 * optionally after waiting until {@code waitFor.http} answers 2xx (see ADR 0023).
 */
public final class ShellAction implements ActionKind {

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public String summary() {
        return "run a command in the workspace (trusted packs only)";
    }

    @Override
    public Shape.Obj body() {
        return Shapes.obj()
                .required("run", Shapes.nonBlank(), "the command line, run by sh -c")
                .optional("cwd", Shapes.relativePath(), "folder inside the workspace")
                .optional("env", Shapes.mapOf(Shapes.text(), Shapes.text()), "extra environment variables")
                .optional("timeout", Shapes.duration(), "default 5m (in the background: how long waitFor may take, default 30s)")
                .optional("background", Shapes.bool(), "keep it running (a server) until the lab session ends")
                .optional("waitFor", Shapes.obj()
                        .required("http", Shapes.url(), "wait until this URL answers 2xx")
                        .optional("timeout", Shapes.duration(), "default 30s")
                        .build(), "with background: wait until the server answers")
                .build();
    }

    @Override
    public boolean needsTrust() {
        return true;
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    @Override
    public void validate(Block.Action action, ShapeChecker.Ctx ctx) {
        YMap body = action.body();
        if (body.has("waitFor") && !(body.get("background") instanceof YScalar s && Boolean.TRUE.equals(s.value()))) {
            ctx.bad(body.keyPos("waitFor"), "'waitFor' in lab:shell only makes sense with 'background: true'");
        }
    }

    @Override
    public ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) throws Exception {
        if (!ctx.trusted()) {
            // The runner refuses untrusted packs before this; a direct caller must not get around it.
            return ActionOutcome.error("not run: the pack is not trusted");
        }
        YMap body = action.body();
        String line = body.text("run");
        Path cwd = body.text("cwd") == null ? ctx.workspace() : WorkspacePaths.resolve(ctx.workspace(), body.text("cwd"));
        Map<String, String> env = new LinkedHashMap<>();
        if (body.get("env") instanceof YMap e) {
            e.entries().forEach(x -> env.put(x.name(), x.value().toPlain() == null ? "" : String.valueOf(x.value().toPlain())));
        }
        boolean background = body.get("background") instanceof YScalar b && Boolean.TRUE.equals(b.value());
        events.log("$ " + line);
        if (background) {
            return background(action, ctx, events, line, cwd, env);
        }
        Duration timeout = body.text("timeout") == null ? DEFAULT_TIMEOUT : Durations.parse(body.text("timeout"));
        Shell.Result r = Shell.run(line, cwd, env, timeout, ctx.cancellation(), events::log);
        if (r.timedOut()) {
            return ActionOutcome.failed("still running after " + Durations.format(timeout) + ", so it was stopped"
                    + " (a server? add 'background: true')");
        }
        if (r.exitCode() != 0) {
            return ActionOutcome.failed("exited with " + r.exitCode());
        }
        return ActionOutcome.ok("finished", Map.of("exitCode", "0"));
    }

    private ActionOutcome background(Block.Action action, KindContext ctx, ActionListener events, String line, Path cwd,
                                     Map<String, String> env) throws Exception {
        BackgroundProcesses processes = ctx.service(BackgroundProcesses.class);
        BackgroundProcesses.Running running = processes.start(ctx.labKey(), action.id(), line, cwd, env);
        Process p = running.process();
        Map<String, String> outputs = Map.of("pid", String.valueOf(p.pid()));
        YMap waitFor = action.body().get("waitFor") instanceof YMap w ? w : null;
        if (waitFor == null) {
            // A command that dies at once (a typo, a missing file) should say so now, not at the next check.
            try {
                p.onExit().get(1, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                return ActionOutcome.ok("running in the background (pid " + p.pid() + ")", outputs);
            } catch (InterruptedException e) {
                processes.stop(ctx.labKey(), action.id());
                throw e;
            }
            return ended(running, events, processes, ctx);
        }
        String url = waitFor.text("http");
        Duration limit = waitFor.text("timeout") != null ? Durations.parse(waitFor.text("timeout"))
                : action.body().text("timeout") != null ? Durations.parse(action.body().text("timeout")) : DEFAULT_WAIT;
        events.progress(-1, "waiting for " + url);
        long deadline = System.nanoTime() + limit.toNanos();
        long pauseMs = 50;
        String last = "";
        while (true) {
            if (!p.isAlive()) {
                return ended(running, events, processes, ctx);
            }
            HttpCall.Result r = HttpCall.send(new HttpCall.Request("GET", url, Map.of(), null, null, Duration.ofSeconds(2)),
                    ctx.cancellation());
            if (r instanceof HttpCall.Response resp && resp.status() / 100 == 2) {
                events.log("ready: " + url + " answers HTTP " + resp.status());
                events.progress(1, "ready");
                return ActionOutcome.ok("running in the background (pid " + p.pid() + "); " + url + " answers", outputs);
            }
            last = r instanceof HttpCall.Response resp ? "HTTP " + resp.status() : ((HttpCall.Failure) r).reason();
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                String tail = running.outputTail(20);
                if (!tail.isEmpty()) {
                    tail.lines().forEach(events::log);
                }
                processes.stop(ctx.labKey(), action.id());
                return ActionOutcome.failed(url + " did not answer 2xx within " + Durations.format(limit) + " (last: " + last + ")");
            }
            try {
                p.onExit().get(Math.min(pauseMs, remainingMs), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // not up yet: ask again
            } catch (InterruptedException e) {
                processes.stop(ctx.labKey(), action.id());
                throw e;
            }
            pauseMs = Math.min(pauseMs * 2, 1000);
        }
    }

    private static ActionOutcome ended(BackgroundProcesses.Running running, ActionListener events, BackgroundProcesses processes,
                                       KindContext ctx) {
        int code = running.process().exitValue();
        running.outputTail(30).lines().forEach(events::log);
        processes.stop(ctx.labKey(), running.actionId());
        return code == 0 ? ActionOutcome.ok("finished at once (exit 0); nothing keeps running", Map.of("exitCode", "0"))
                : ActionOutcome.failed("exited with " + code + " right after it started");
    }
}
