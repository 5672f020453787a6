package dev.labdesk.docker;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.Durations;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YScalar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lab:docker-run}: starts a container from an image, ports published on 127.0.0.1 only,
 * with an init process as PID 1. Replaces the lab's previous container of the same name, never
 * one LabDesk did not create for this lab. Streams its log while it starts.
 */
public final class DockerRunAction implements ActionKind {

    static final Duration WAIT_DEFAULT = Duration.ofSeconds(30);
    /** How long a container without waitFor is watched for an immediate crash. */
    static final Duration SETTLE = Duration.ofMillis(500);

    @Override
    public String name() {
        return "docker-run";
    }

    @Override
    public String summary() {
        return "start a container (ports on 127.0.0.1 only), replacing this lab's previous one";
    }

    @Override
    public Shape.Obj body() {
        return Shapes.obj()
                .required("image", DockerKinds.imageRef(), "the image to run, e.g. web:1.0")
                .required("name", DockerKinds.containerName(), "the container's name; checks refer to it")
                .optional("ports", Shapes.listOf(DockerKinds.port()), "\"HOST:CONTAINER\" pairs, e.g. [\"8080:5000\"]; published on 127.0.0.1")
                .optional("env", DockerKinds.stringMap(), "environment variables")
                .optional("command", Shapes.oneOf("a command as a list or one string", Shapes.listOf(Shapes.text()), Shapes.nonBlank()),
                        "replaces the image's CMD")
                .optional("init", Shapes.bool(), "run an init as PID 1 so stop signals work (default true)")
                .optional("waitFor", Shapes.obj()
                        .required("http", Shapes.url(), "wait until this URL answers 2xx")
                        .optional("timeout", Shapes.duration(), "default 30s")
                        .build(), "wait until the app answers")
                .build();
    }

    @Override
    public Set<String> requires() {
        return DockerKinds.REQUIRES;
    }

    @Override
    public ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) throws InterruptedException {
        YMap body = action.body();
        String image = body.text("image");
        String name = body.text("name");
        DockerEngine engine = DockerKinds.engine(ctx);
        if (engine.image(image).isEmpty()) {
            return ActionOutcome.failed("There is no image '" + image + "' on this Docker engine: build it first (the lab's "
                    + "lab:docker-build step) or load it (lab:docker-load)");
        }
        Optional<ContainerInfo> previous = engine.container(name);
        if (previous.isPresent()) {
            String owner = previous.get().labels().get(DockerEngine.LAB_LABEL);
            if (!ctx.labKey().equals(owner)) {
                return ActionOutcome.failed("A container named '" + name + "' already exists and LabDesk did not create it for this lab"
                        + (owner == null ? "" : " (it belongs to lab " + owner + ")")
                        + ". If you no longer need it, remove it with `docker rm -f " + name + "`, or choose another name");
            }
            events.log("Replacing this lab's previous container '" + name + "' (" + previous.get().status() + ")");
            engine.removeContainer(previous.get().id());
        }

        List<PortSpec> ports = new ArrayList<>();
        for (String p : DockerKinds.texts(body.get("ports"))) {
            ports.add(PortSpec.parse(p));
        }
        RunSpec spec = new RunSpec(image, name, DockerKinds.labels(ctx), ports, DockerKinds.map(body.get("env")),
                command(body.get("command")), DockerKinds.bool(body, "init", true));
        String id;
        try {
            id = engine.create(spec);
        } catch (DockerFailure e) {
            return ActionOutcome.failed("Docker could not create the container '" + name + "': " + e.getMessage());
        }
        try {
            engine.start(id);
        } catch (DockerFailure e) {
            engine.removeContainer(id);
            return ActionOutcome.failed(startFailure(name, ports, e.getMessage()));
        }
        events.log("Started container '" + name + "' from " + image
                + (ports.isEmpty() ? "" : " with " + String.join(", ", ports.stream().map(p -> "127.0.0.1:" + p).toList())));

        AutoCloseable follow = engine.followLogs(id, line -> events.log(name + " | " + line));
        try {
            YNode waitFor = body.get("waitFor");
            String problem = waitFor instanceof YMap w ? waitForHttp(engine, id, name, w, ctx, events) : settle(engine, id, name);
            if (ctx.cancellation().isCancelled()) {
                return ActionOutcome.cancelled();
            }
            if (problem == null && waitFor == null) {
                Optional<ContainerInfo> after = engine.container(id);
                if (after.isPresent() && !after.get().running()) {
                    // A one-shot container that finished cleanly: its output is the result.
                    return ActionOutcome.ok("Container '" + name + "' ran and exited with code 0",
                            Map.of("container", name, "containerId", id, "exitCode", "0"));
                }
            }
            if (problem != null) {
                List<String> tail = engine.logs(id, 20);
                return ActionOutcome.failed(problem + (tail.isEmpty() ? "" : "\nLast lines of its log:\n  " + String.join("\n  ", tail)));
            }
        } finally {
            closeQuietly(follow);
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("container", name);
        outputs.put("containerId", id);
        ports.stream().filter(p -> p.protocol().equals("tcp")).findFirst()
                .ifPresent(p -> outputs.put("url", "http://127.0.0.1:" + p.hostPort()));
        String where = outputs.containsKey("url") ? "; it answers at " + outputs.get("url") : "";
        return ActionOutcome.ok("Container '" + name + "' is running" + where, outputs);
    }

    static List<String> command(YNode node) {
        if (node == null || node instanceof YScalar s && s.isNull()) {
            return null;
        }
        if (node instanceof YScalar s) {
            return DockerKinds.words(s.asText());
        }
        return DockerKinds.texts(node);
    }

    private static String startFailure(String name, List<PortSpec> ports, String engineMessage) {
        String lower = engineMessage.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            String which = ports.stream().map(p -> String.valueOf(p.hostPort()))
                    .filter(engineMessage::contains).findFirst().orElse(ports.isEmpty() ? "" : String.valueOf(ports.get(0).hostPort()));
            return "Port " + which + " on 127.0.0.1 is already in use by another program or container, so '" + name
                    + "' cannot publish on it. Stop whatever uses it (`docker ps` shows containers), or change the host side of the port";
        }
        return "Docker could not start the container '" + name + "': " + engineMessage;
    }

    /** Watches a container briefly: an app that crashes on start should fail the action, not a later check. */
    private static String settle(DockerEngine engine, String id, String name) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            String exited = exited(engine, id, name, true);
            if (exited != null || System.nanoTime() > deadline) {
                return exited;
            }
            Thread.sleep(100);
        }
    }

    /** Why the container is no longer running, or null while it runs (or, when {@code zeroIsFine}, finished cleanly). */
    private static String exited(DockerEngine engine, String id, String name, boolean zeroIsFine) {
        Optional<ContainerInfo> c = engine.container(id);
        if (c.isEmpty()) {
            return "The container '" + name + "' disappeared right after it started (was it removed?)";
        }
        if (!c.get().running() && !(zeroIsFine && c.get().exitCode() == 0)) {
            return "The container '" + name + "' stopped (exit code " + c.get().exitCode() + ")";
        }
        return null;
    }

    private static String waitForHttp(DockerEngine engine, String id, String name, YMap waitFor, KindContext ctx,
                                      ActionListener events) throws InterruptedException {
        String url = waitFor.text("http");
        Duration timeout = DockerKinds.duration(waitFor, "timeout", WAIT_DEFAULT);
        events.progress(-1, "waiting for " + url);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (!ctx.cancellation().isCancelled()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    events.log(url + " answered " + r.statusCode());
                    return null;
                }
                last = "status " + r.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            String exited = exited(engine, id, name, false);
            if (exited != null) {
                return exited + " before " + url + " answered";
            }
            if (System.nanoTime() > deadline) {
                return "The container '" + name + "' is running but " + url + " did not answer with 2xx within "
                        + Durations.format(timeout) + " (last: " + last + "); check the port mapping and that the app listens on 0.0.0.0";
            }
            Thread.sleep(200);
        }
        return null;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // the log stream is only for watching
        }
    }
}
