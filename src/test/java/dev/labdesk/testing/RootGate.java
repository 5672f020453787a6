package dev.labdesk.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresRoot}. */
public final class RootGate implements BeforeAllCallback, BeforeEachCallback {

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || uid() == 0;
    }

    private static long uid() {
        try {
            Object uid = java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
            return ((Number) uid).longValue();
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        gate(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        gate(context);
    }

    private static void gate(ExtensionContext context) {
        if (!isRoot()) {
            String flag = System.getProperty("labdesk.requireRoot");
            boolean required = flag != null ? Boolean.parseBoolean(flag) : Boolean.getBoolean("labdesk.requireDocker");
            Gates.unavailable("labdesk.requireRoot", required, "not running as root (this test starts a private dockerd)", context);
        }
    }
}
