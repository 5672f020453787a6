package dev.labdesk.docker;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code lab:docker-load}: loads an image tar shipped in the pack ({@code docker save} output), so
 * offline packs can bring their base images. Loaded images keep their own config (an image's
 * labels are part of its identity), so they carry no lab label and cleanup leaves them.
 */
public final class DockerLoadAction implements ActionKind {

    @Override
    public String name() {
        return "docker-load";
    }

    @Override
    public String summary() {
        return "load an image from a tar file shipped in the pack (offline packs)";
    }

    @Override
    public Shape.Obj body() {
        return Shapes.obj()
                .required("file", Shapes.packFile(), "an image tar made by `docker save`, inside the pack")
                .build();
    }

    @Override
    public Set<String> requires() {
        return DockerKinds.REQUIRES;
    }

    @Override
    public ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) {
        String file = action.body().text("file");
        Path tar = DockerKinds.inside(ctx.pack().root(), file);
        if (tar == null || !Files.isRegularFile(tar)) {
            return ActionOutcome.failed("The pack has no file '" + file + "' to load; the pack's author must add it");
        }
        events.progress(-1, "loading " + file);
        java.util.List<String> loaded;
        try {
            loaded = DockerKinds.engine(ctx).load(tar, events::log, ctx.cancellation());
        } catch (DockerFailure e) {
            return ActionOutcome.failed("Docker could not load " + file + ": " + e.getMessage());
        }
        if (ctx.cancellation().isCancelled()) {
            return ActionOutcome.cancelled();
        }
        if (loaded.isEmpty()) {
            return ActionOutcome.failed("Docker read " + file + " but loaded no image from it; is it a `docker save` tar?");
        }
        return ActionOutcome.ok("Loaded " + String.join(", ", loaded), Map.of("images", String.join(",", loaded)));
    }
}
