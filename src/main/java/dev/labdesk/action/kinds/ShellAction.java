package dev.labdesk.action.kinds;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;

/** {@code lab:shell}: runs a command in the workspace, streaming its output. Trusted packs only. */
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
                .optional("timeout", Shapes.duration(), "default 5m")
                .build();
    }

    @Override
    public boolean needsTrust() {
        return true;
    }

    @Override
    public ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) {
        throw new UnsupportedOperationException("lab:shell runs in the action engine");
    }
}
