package dev.labdesk.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/** Skipping must be loud, and CI must be able to turn it into a failure. */
public final class Gates {

    private Gates() {
    }

    /** Aborts (or, when {@code labdesk.requireDocker} is true, fails) the running test unless {@code present}. */
    public static void requireForDocker(boolean present, String reason) {
        if (!present) {
            unavailable("labdesk.requireDocker", Boolean.getBoolean("labdesk.requireDocker"), reason, null);
        }
    }

    static void unavailable(String flag, boolean required, String reason, ExtensionContext context) {
        String test = context == null ? "this test" : context.getDisplayName();
        if (required) {
            Assertions.fail(reason + " (" + flag + "=true, so " + test + " fails instead of skipping)");
        }
        System.err.println("SKIPPED: " + test + ": " + reason + " — set -D" + flag + "=true in CI to fail instead");
        throw new TestAbortedException(reason);
    }
}
