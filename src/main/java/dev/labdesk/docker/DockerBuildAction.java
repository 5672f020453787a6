package dev.labdesk.docker;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.EnvironmentUnavailable;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.Durations;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.pack.yaml.YMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code lab:docker-build}: builds an image from a folder of the learner's workspace with the
 * engine's classic builder, streaming the log with step progress. Labels the image with the lab.
 */
public final class DockerBuildAction implements ActionKind {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "docker-build";
    }

    @Override
    public String summary() {
        return "build a Docker image from a folder of the workspace";
    }

    @Override
    public Shape.Obj body() {
        return Shapes.obj()
                .optional("context", Shapes.existingWorkspacePath(), "the folder sent to the engine (default: the workspace, \".\")")
                .optional("dockerfile", Shapes.relativePath(), "the Dockerfile, relative to the context (default: Dockerfile)")
                .required("tag", DockerKinds.imageRef(), "the image's name, e.g. web:1.0")
                .optional("buildArgs", DockerKinds.stringMap(), "ARG values, e.g. {PYTHON_VERSION: \"3.11\"}")
                .optional("noCache", Shapes.bool(), "build every step afresh (default false)")
                .optional("timeout", Shapes.duration(), "stop the build after this long (default 10m)")
                .build();
    }

    @Override
    public Set<String> requires() {
        return DockerKinds.REQUIRES;
    }

    @Override
    public ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) {
        YMap body = action.body();
        String tag = body.text("tag");
        String contextText = DockerKinds.text(body, "context", ".");
        String dockerfileText = DockerKinds.text(body, "dockerfile", "Dockerfile");
        Path context = DockerKinds.inside(ctx.workspace(), contextText);
        if (context == null || !Files.isDirectory(context)) {
            return ActionOutcome.failed("The build context '" + contextText + "' is not a folder in your workspace ("
                    + ctx.workspace() + "); create it or fix 'context'");
        }
        Path dockerfile = DockerKinds.inside(context, dockerfileText);
        if (dockerfile == null) {
            return ActionOutcome.failed("The Dockerfile '" + dockerfileText + "' must be inside the build context '" + contextText + "'");
        }
        if (!Files.isRegularFile(dockerfile)) {
            return ActionOutcome.failed("There is no Dockerfile at " + ctx.workspace().relativize(dockerfile)
                    + " in your workspace; create it (the lab's step says what goes in it)");
        }
        String text;
        try {
            text = Files.readString(dockerfile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ActionOutcome.failed("Cannot read " + dockerfile + ": " + e.getMessage());
        }
        List<DockerfileLint.Finding> buildKit = DockerfileLint.buildKitOnly(text);
        if (!buildKit.isEmpty()) {
            String name = ctx.workspace().relativize(dockerfile).toString();
            return ActionOutcome.failed("This Dockerfile uses syntax that needs BuildKit, which the Docker engine's classic "
                    + "builder (the one LabDesk builds with) does not support:\n"
                    + buildKit.stream().map(f -> "  " + f.describe(name)).collect(Collectors.joining("\n"))
                    + "\nChange those lines, or build this one in a terminal with `docker buildx build`.");
        }

        DockerEngine engine = DockerKinds.engine(ctx);
        engine.info();
        Duration timeout = DockerKinds.duration(body, "timeout", DEFAULT_TIMEOUT);
        BuildSpec spec = new BuildSpec(context, dockerfile, tag, DockerKinds.map(body.get("buildArgs")),
                DockerKinds.labels(ctx), DockerKinds.bool(body, "noCache", false), timeout);
        BuildProgress progress = new BuildProgress(events);
        events.progress(-1, "sending the build context (" + contextText + ")");
        long start = System.nanoTime();
        BuildResult result;
        try {
            result = engine.build(spec, progress::line, ctx.cancellation());
        } catch (EnvironmentUnavailable e) {
            String at = progress.currentStep();
            throw new EnvironmentUnavailable("docker", e.getMessage() + (at == null ? "" : "; the build was at " + at), e.fix(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (result.ok()) {
            Map<String, String> outputs = new LinkedHashMap<>();
            outputs.put("image", tag);
            outputs.put("imageId", result.imageId());
            String size = engine.image(tag).map(i -> ", " + Sizes.format(i.size())).orElse("");
            events.progress(1, "built " + tag);
            return ActionOutcome.ok("Built " + tag + " (" + shortId(result.imageId()) + size + ") in " + Durations.format(took), outputs);
        }
        if (result.cancelled() || result.timedOut()) {
            // The engine winds a dropped build down slowly (a RUN's PID 1 may ignore SIGTERM); end its step's container now.
            String running = progress.runningContainer();
            if (running != null) {
                try {
                    engine.removeContainer(running);
                } catch (RuntimeException e) {
                    // best effort: the engine removes it when the build unwinds
                }
            }
        }
        removeIntermediates(engine, progress);
        if (result.cancelled()) {
            return ActionOutcome.cancelled();
        }
        if (result.timedOut()) {
            return ActionOutcome.error("The build of " + tag + " took longer than " + Durations.format(timeout)
                    + " and was stopped" + (progress.currentStep() == null ? "" : " at " + progress.currentStep())
                    + "; raise 'timeout' if it needs longer");
        }
        return failure(tag, result.error(), progress);
    }

    private static ActionOutcome failure(String tag, String error, BuildProgress progress) {
        StringBuilder m = new StringBuilder("The build of ").append(tag).append(" failed");
        if (progress.currentStep() != null) {
            m.append(" at ").append(progress.currentStep());
        }
        m.append(": ").append(error.trim());
        List<String> output = progress.stepOutput();
        if (!output.isEmpty()) {
            m.append("\nOutput of that step:");
            output.forEach(line -> m.append("\n  ").append(line));
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        if (progress.stepNumber() != null) {
            outputs.put("failedStep", progress.stepNumber());
            outputs.put("instruction", progress.instruction());
        }
        outputs.put("error", error.trim());
        outputs.put("stepOutput", String.join("\n", output));
        return new ActionOutcome(ActionOutcome.Status.FAILED, m.toString(), outputs);
    }

    /**
     * A failed build's committed layers are untagged images nobody asked for; removing the newest
     * takes its parents too. A dropped build holds its last layer until the engine has unwound it,
     * so what cannot go now is retried in the background for a little while.
     */
    private static void removeIntermediates(DockerEngine engine, BuildProgress progress) {
        List<String> left = new java.util.ArrayList<>(progress.committed());
        if (!removeNewestFirst(engine, left)) {
            Thread retry = new Thread(() -> {
                long deadline = System.nanoTime() + CLEANUP_RETRY.toNanos();
                while (!left.isEmpty() && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                    removeNewestFirst(engine, left);
                }
            }, "labdesk-build-cleanup");
            retry.setDaemon(true);
            retry.start();
        }
    }

    static final Duration CLEANUP_RETRY = Duration.ofSeconds(30);

    /** Removes what it can, newest first, dropping removed ids from {@code ids}; true when none is left. */
    private static boolean removeNewestFirst(DockerEngine engine, List<String> ids) {
        for (int i = ids.size() - 1; i >= 0; i--) {
            try {
                if (engine.removeImage(ids.get(i))) {
                    ids.remove(i);
                }
            } catch (RuntimeException e) {
                ids.clear(); // the engine is gone: nothing to clean, and the caller reports it
                return true;
            }
        }
        return ids.isEmpty();
    }

    static String shortId(String id) {
        String s = id.startsWith("sha256:") ? id.substring(7) : id;
        return s.length() > 12 ? s.substring(0, 12) : s;
    }
}
