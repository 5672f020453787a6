package dev.labdesk.check.kinds;

import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.ShapeChecker;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.pack.yaml.YMap;

/** {@code file.contains: PATH} with {@code expect: {text|regex|absent}}. */
public final class FileContainsCheck implements CheckKind {

    @Override
    public String name() {
        return "file.contains";
    }

    @Override
    public String summary() {
        return "a workspace file contains a text or matches a regular expression";
    }

    @Override
    public Shape subject() {
        return Shapes.relativePath();
    }

    @Override
    public Shape expect() {
        return Shapes.obj()
                .optional("text", Shapes.listOrOne(Shapes.text()), "text that must appear (each, if a list)")
                .optional("regex", Shapes.listOrOne(Shapes.regex()), "patterns that must match somewhere")
                .optional("absent", Shapes.listOrOne(Shapes.text()), "text that must not appear")
                .optional("ignoreCase", Shapes.bool(), "compare without regard to case")
                .build();
    }

    @Override
    public boolean expectRequired() {
        return true;
    }

    @Override
    public void validate(CheckSpec check, ShapeChecker.Ctx ctx) {
        if (check.expect() instanceof YMap m && !m.has("text") && !m.has("regex") && !m.has("absent")) {
            ctx.bad(m.pos(), "expect of file.contains needs 'text', 'regex' or 'absent'");
        }
    }

    @Override
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) {
        throw new UnsupportedOperationException("file.contains runs in the check engine");
    }
}
