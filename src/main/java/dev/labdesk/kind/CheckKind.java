package dev.labdesk.kind;

import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.ShapeChecker;
import java.util.Set;

/**
 * A kind of check, such as {@code file.exists} or {@code docker.image}. The schema parts are
 * used by the validator without running anything; {@link #evaluate} makes one attempt.
 */
public interface CheckKind {

    /** The key authors write, e.g. {@code http.get}. */
    String name();

    /** One line for docs and "did you mean" lists. */
    String summary();

    /** The shape of the kind key's value: a path, a URL, or a mapping of parameters. */
    Shape subject();

    /** The shape of {@code expect}. */
    Shape expect();

    default boolean expectRequired() {
        return false;
    }

    /** Checks that run commands; they SKIP unless the pack is trusted. */
    default boolean needsTrust() {
        return false;
    }

    /** {@code requires} values a lab using this kind should declare, e.g. "docker". */
    default Set<String> requires() {
        return Set.of();
    }

    /** Rules beyond the shapes (an expect key that only makes sense with a certain subject). */
    default void validate(CheckSpec check, ShapeChecker.Ctx ctx) {
    }

    /**
     * One attempt. Throw {@link EnvironmentUnavailable} when the environment is missing; the runner
     * turns exceptions into ERROR results and handles timeouts, retries and cancellation.
     */
    CheckOutcome evaluate(CheckSpec check, KindContext ctx) throws Exception;
}
