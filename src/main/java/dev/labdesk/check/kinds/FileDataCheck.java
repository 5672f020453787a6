package dev.labdesk.check.kinds;

import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.check.JsonExpectations;
import dev.labdesk.check.Matchers;
import java.util.ArrayList;
import java.util.List;
import dev.labdesk.check.Verdicts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code file.yaml: PATH} / {@code file.json: PATH}: JSONPath expectations on a structured file. A YAML
 * file with several documents (Kubernetes manifests) is read as a list of them: {@code $[1].kind}.
 */
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
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) throws IOException {
        String rel = Specs.text(check.subject());
        Map<?, ?> expectations = check.expect() == null ? Map.of() : (Map<?, ?>) check.expect().toPlain();
        Path path = WorkspaceFiles.resolve(ctx.workspace(), rel);
        String valid = rel + " is valid " + format.toUpperCase(Locale.ROOT);
        if (!Files.isRegularFile(path)) {
            String why = Files.isDirectory(path) ? rel + " is a folder, not a file" : WorkspaceFiles.missing(ctx.workspace(), rel);
            List<String> wanted = new ArrayList<>();
            expectations.forEach((p, m) -> wanted.add(Matchers.match(String.valueOf(p), m, Matchers.MISSING).expected()));
            return CheckOutcome.fail(rel + ": " + String.join("; ", wanted), why)
                    .withEvidence(WorkspaceFiles.listing(ctx.workspace(), rel));
        }
        String content = WorkspaceFiles.read(path);
        Object document;
        try {
            document = format.equals("json") ? StructuredText.json(content) : StructuredText.yaml(content);
        } catch (StructuredText.Unreadable e) {
            return CheckOutcome.fail(valid, rel + " is not valid " + format.toUpperCase(Locale.ROOT) + ": " + e.getMessage())
                    .withEvidence(rel + ":\n" + Specs.head(content, 20, 1500));
        }
        CheckOutcome outcome = Verdicts.outcome(JsonExpectations.check(document, expectations));
        return outcome.passed() ? outcome : outcome.withEvidence(rel + ":\n" + Specs.head(content, 30, 2000));
    }
}
