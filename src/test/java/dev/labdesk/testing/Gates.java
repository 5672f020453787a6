package dev.labdesk.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/** Skipping must be loud, and CI must be able to turn it into a failure. */
final class Gates {

    private Gates() {
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
