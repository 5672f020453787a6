package dev.labdesk.check.kinds;

import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.pack.yaml.YMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) throws IOException {
        String rel = Specs.text(check.subject());
        YMap expect = Specs.map(check.expect());
        String type = expect == null ? null : expect.text("type");
        boolean nonEmpty = Specs.flag(expect, "nonEmpty");
        String what = "directory".equals(type) ? " is a folder" : "file".equals(type) ? " is a file" : " exists";
        String expected = rel + what + (nonEmpty ? " and is not empty" : "");
        Path path = WorkspaceFiles.resolve(ctx.workspace(), rel);
        if (!Files.exists(path)) {
            return CheckOutcome.fail(expected, WorkspaceFiles.missing(ctx.workspace(), rel))
                    .withEvidence(WorkspaceFiles.listing(ctx.workspace(), rel));
        }
        boolean isDir = Files.isDirectory(path);
        if ("directory".equals(type) && !isDir) {
            return CheckOutcome.fail(expected, rel + " is a file, not a folder");
        }
        if ("file".equals(type) && isDir) {
            return CheckOutcome.fail(expected, rel + " is a folder, not a file");
        }
        if (nonEmpty) {
            boolean empty;
            if (isDir) {
                try (Stream<Path> s = Files.list(path)) {
                    empty = s.findAny().isEmpty();
                }
            } else {
                empty = Files.size(path) == 0;
            }
            if (empty) {
                return CheckOutcome.fail(expected, rel + " is empty");
            }
        }
        return CheckOutcome.pass(expected, rel + (isDir ? " is a folder" : " is a file")
                + (nonEmpty ? (isDir ? " with entries" : " with content") : ""));
    }
}
