package dev.labdesk.check.kinds;

import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;

/** {@code file.yaml: PATH} / {@code file.json: PATH}: JSONPath expectations on a structured file. */
public final class FileDataCheck implements CheckKind {

    private final String format;

    public FileDataCheck(String format) {
        this.format = format;
    }

    @Override
    public String name() {
        return "file." + format;
    }

    @Override
    public String summary() {
        return "a " + format.toUpperCase(java.util.Locale.ROOT) + " file in the workspace has the expected values (JSONPath)";
    }

    @Override
    public Shape subject() {
        return Shapes.relativePath();
    }

    @Override
    public Shape expect() {
        return Shapes.jsonExpectations();
    }

    @Override
    public boolean expectRequired() {
        return true;
    }

    @Override
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) {
        throw new UnsupportedOperationException(name() + " runs in the check engine");
    }
}
