package dev.labdesk.docker;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code lab:docker-cleanup}: removes the containers and images labelled with this lab, and nothing else. */
public final class DockerCleanupAction implements ActionKind {

    @Override
    public String name() {
        return "docker-cleanup";
    }

    @Override
    public String summary() {
        return "remove the containers and images this lab created (only those LabDesk labelled)";
    }

    @Override
    public Shape.Obj body() {
        return Shapes.obj().build();
    }

    @Override
    public Set<String> requires() {
        return DockerKinds.REQUIRES;
    }

    @Override
    public ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) {
        return cleanup(DockerKinds.engine(ctx), ctx.labKey(), events);
    }

    /** Also used by "clean up this lab" in the app and by tests. */
    public static ActionOutcome cleanup(DockerEngine engine, String labKey, ActionListener events) {
        List<Labelled> containers = engine.containersLabelled(DockerEngine.LAB_LABEL, labKey);
        for (Labelled c : containers) {
            events.log("removing container " + c.name());
            engine.removeContainer(c.id());
        }
        // An image may be the parent of another labelled image: keep going while each pass removes something.
        List<Labelled> images = new ArrayList<>(engine.imagesLabelled(DockerEngine.LAB_LABEL, labKey));
        int removedImages = 0;
        boolean progress = true;
        while (!images.isEmpty() && progress) {
            progress = false;
            for (Labelled image : List.copyOf(images)) {
                if (engine.removeImage(image.id())) {
                    events.log("removed image " + image.name());
                    images.remove(image);
                    removedImages++;
                    progress = true;
                }
            }
        }
        String summary = "Removed " + plural(containers.size(), "container") + " and " + plural(removedImages, "image")
                + " of lab " + labKey;
        if (!images.isEmpty()) {
            return ActionOutcome.failed(summary + "; kept " + String.join(", ", images.stream().map(Labelled::name).toList())
                    + " because other containers or images still use them");
        }
        return ActionOutcome.ok(summary, Map.of("containers", String.valueOf(containers.size()), "images", String.valueOf(removedImages)));
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
