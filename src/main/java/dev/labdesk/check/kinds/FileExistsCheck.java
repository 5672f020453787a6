package dev.labdesk.check.kinds;

import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;

/** {@code file.exists: PATH}: a file or folder is in the workspace. */
public final class FileExistsCheck implements CheckKind {

    @Override
    public String name() {
        return "file.exists";
    }

    @Override
    public String summary() {
        return "a file or folder exists in the workspace";
    }

    @Override
    public Shape subject() {
        return Shapes.relativePath();
    }

    @Override
    public Shape expect() {
        return Shapes.obj()
                .optional("type", Shapes.values("file", "directory"), "what the path must be")
                .optional("nonEmpty", Shapes.bool(), "a file with content, or a folder with entries")
                .build();
    }

    @Override
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) {
        throw new UnsupportedOperationException("file.exists runs in the check engine");
    }
}
