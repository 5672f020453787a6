package dev.labdesk.validate;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.kind.LabdeskPlugin;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import java.util.Set;

/**
 * A test-only kind with the path shapes integrations use (existing workspace path, pack file)
 * and a {@code requires} value, so fixtures can cover them without the Docker plugin.
 */
final class FixtureKinds implements LabdeskPlugin {

    @Override
    public void register(KindRegistry.Builder registry) {
        registry.action(new ActionKind() {
            @Override
            public String name() {
                return "test-copy";
            }

            @Override
            public String summary() {
                return "copies a workspace file (test fixture kind)";
            }

            @Override
            public Shape.Obj body() {
                return Shapes.obj()
                        .required("from", Shapes.existingWorkspacePath(), "a file the starter or solution provides")
                        .optional("archive", Shapes.packFile(), "a file shipped in the pack")
                        .build();
            }

            @Override
            public Set<String> requires() {
                return Set.of("docker");
            }

            @Override
            public ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) {
                throw new UnsupportedOperationException("fixture kind: validation only");
            }
        });
    }
}
