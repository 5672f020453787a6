package dev.labdesk.docker;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code lab:docker-stop}: stops (and by default removes) a container this lab started. */
public final class DockerStopAction implements ActionKind {

    static final Duration GRACE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "docker-stop";
    }

    @Override
    public String summary() {
        return "stop (and remove) a container this lab started";
    }

    @Override
    public Shape.Obj body() {
        return Shapes.obj()
                .required("name", DockerKinds.containerName(), "the container's name")
                .optional("remove", Shapes.bool(), "remove it after stopping (default true)")
                .build();
    }

    @Override
    public Set<String> requires() {
        return DockerKinds.REQUIRES;
    }

    @Override
    public ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) {
        String name = action.body().text("name");
        boolean remove = DockerKinds.bool(action.body(), "remove", true);
        DockerEngine engine = DockerKinds.engine(ctx);
        Optional<ContainerInfo> found = engine.container(name);
        if (found.isEmpty()) {
            return ActionOutcome.ok("There is no container '" + name + "'; nothing to stop", Map.of("container", name));
        }
        ContainerInfo c = found.get();
        if (!ctx.labKey().equals(c.labels().get(DockerEngine.LAB_LABEL))) {
            return ActionOutcome.failed("The container '" + name + "' was not started by this lab, so LabDesk leaves it alone; "
                    + "stop it yourself with `docker stop " + name + "` if you mean to");
        }
        events.progress(-1, "stopping " + name);
        boolean wasRunning = engine.stop(c.id(), GRACE);
        if (remove) {
            engine.removeContainer(c.id());
        }
        String what = (wasRunning ? "Stopped" : "Container was not running;") + (remove ? (wasRunning ? " and removed" : " removed") : "");
        return ActionOutcome.ok(what + " '" + name + "'", Map.of("container", name));
    }
}
