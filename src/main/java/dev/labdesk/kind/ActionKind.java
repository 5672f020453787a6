package dev.labdesk.kind;

import dev.labdesk.pack.Block;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.ShapeChecker;
import java.util.Set;

/** A kind of action block, {@code lab:<name>}: builds, runs, deploys, calls. */
public interface ActionKind {

    /** The name after {@code lab:}, e.g. {@code docker-build}. */
    String name();

    String summary();

    /** The body's shape, not counting {@code id} and {@code title}, which every action may have. */
    Shape.Obj body();

    /** Actions that run commands or scripts: refused unless the pack is trusted. */
    default boolean needsTrust() {
        return false;
    }

    default Set<String> requires() {
        return Set.of();
    }

    default void validate(Block.Action action, ShapeChecker.Ctx ctx) {
    }

    /** Runs to completion, streaming to {@code events}; returns promptly once cancelled. */
    ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) throws Exception;
}
