package dev.labdesk.check.kinds;

import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;

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

    @Override
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) {
        throw new UnsupportedOperationException("command runs in the check engine");
    }
}
