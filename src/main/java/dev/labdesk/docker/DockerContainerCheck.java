package dev.labdesk.docker;

import dev.labdesk.check.Matchers;
import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YScalar;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code docker.container: NAME}: the container is in the expected state: running, healthy,
 * status, published ports, restart count, log content, exit code. Without {@code expect} it must
 * be running.
 */
public final class DockerContainerCheck implements CheckKind {

    static final int LOG_LINES = 5000;

    @Override
    public String name() {
        return "docker.container";
    }

    @Override
    public String summary() {
        return "a Docker container is running (or has exited) as expected, with its ports and logs";
    }

    @Override
    public Shape subject() {
        return DockerKinds.containerName();
    }

    @Override
    public Shape expect() {
        return Shapes.obj()
                .optional("running", Shapes.bool(), "whether it must be running (default true when nothing else is expected)")
                .optional("healthy", Shapes.bool(), "its HEALTHCHECK reports healthy")
                .optional("status", Shapes.values("created", "running", "paused", "restarting", "removing", "exited", "dead"))
                .optional("ports", Shapes.listOf(DockerKinds.port()), "published ports, e.g. [\"8080:5000\"]")
                .optional("restartCount", Shapes.matcher(), "e.g. 0, or {max: 2}")
                .optional("logs", Shapes.obj()
                        .optional("text", Shapes.listOrOne(Shapes.text()), "text the log must contain")
                        .optional("regex", Shapes.listOrOne(Shapes.regex()), "patterns the log must match")
                        .build(), "what its log must show")
                .optional("exitCode", Shapes.integer(), "the exit code of a finished container")
                .build();
    }

    @Override
    public Set<String> requires() {
        return DockerKinds.REQUIRES;
    }

    @Override
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) {
        String name = ((YScalar) check.subject()).asText();
        YMap expect = check.expect() instanceof YMap m ? m : new YMap(List.of(), check.pos());
        DockerEngine engine = DockerKinds.engine(ctx);
        Optional<ContainerInfo> found = engine.container(name);
        if (found.isEmpty()) {
            return CheckOutcome.fail("container " + name + " exists", "there is no container named " + name);
        }
        ContainerInfo c = found.get();
        Verdicts v = new Verdicts();
        String state = "status " + c.status() + (c.running() ? "" : ", exit code " + c.exitCode());
        boolean defaultRunning = expect.entries().isEmpty();
        if (expect.has("running") || defaultRunning) {
            boolean want = DockerKinds.bool(expect, "running", true);
            v.add(c.running() == want, want ? "running" : "not running", c.running() ? "running" : "not running (" + state + ")");
        }
        if (expect.has("healthy")) {
            boolean want = DockerKinds.bool(expect, "healthy", true);
            String have = c.health() == null ? "no HEALTHCHECK in the image" : c.health();
            v.add(c.health() != null && "healthy".equals(c.health()) == want, want ? "healthy" : "not healthy", have);
        }
        if (expect.has("status")) {
            String want = expect.text("status");
            v.add(want.equals(c.status()), "status " + want, "status " + c.status());
        }
        if (expect.has("ports")) {
            for (String p : DockerKinds.texts(expect.get("ports"))) {
                PortSpec want = PortSpec.parse(p);
                boolean published = c.ports().stream().anyMatch(m -> m.containerPort() == want.containerPort()
                        && m.protocol().equals(want.protocol()) && m.hostPort() == want.hostPort());
                v.add(published, "port " + want.containerPort() + "/" + want.protocol() + " published on host port " + want.hostPort(),
                        c.ports().isEmpty() ? "no published ports" : "published " + c.ports());
            }
        }
        if (expect.has("restartCount")) {
            YNode want = expect.get("restartCount");
            Matchers.Verdict r = Matchers.match("restart count", want.toPlain(), (long) c.restartCount());
            v.add(r.ok(), r.expected(), r.actual());
        }
        if (expect.has("exitCode")) {
            long want = ((Number) ((YScalar) expect.get("exitCode")).value()).longValue();
            v.add(!c.running() && c.exitCode() == want, "exited with code " + want,
                    c.running() ? "still running" : "exited with code " + c.exitCode());
        }
        String evidence = null;
        if (expect.get("logs") instanceof YMap logs) {
            List<String> lines = engine.logs(c.id(), LOG_LINES);
            String all = String.join("\n", lines);
            for (String text : DockerKinds.texts(logs.get("text"))) {
                v.add(all.contains(text), "log contains '" + text + "'", all.contains(text) ? "log contains '" + text + "'"
                        : "log does not contain '" + text + "' (" + lines.size() + " lines)");
            }
            for (String regex : DockerKinds.texts(logs.get("regex"))) {
                var m = Pattern.compile(regex, Pattern.MULTILINE).matcher(all);
                boolean ok = m.find();
                v.add(ok, "log matches /" + regex + "/", ok ? "log line '" + m.group() + "'" : "no log line matches /" + regex + "/");
            }
            evidence = "last log lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
        String summary = "container " + name + " (" + DockerBuildAction.shortId(c.id()) + ") image " + c.image() + ", " + state
                + ", ports " + c.ports() + ", restarts " + c.restartCount();
        return v.outcome(evidence == null ? summary : summary + "\n" + evidence);
    }
}
