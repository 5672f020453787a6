package dev.labdesk.testing;

import dev.labdesk.docker.Discovery;
import dev.labdesk.docker.DockerJavaEngine;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Looks for an engine once per test run; see {@link RequiresDocker}. */
public final class DockerGate implements BeforeAllCallback, BeforeEachCallback {

    private static volatile Discovery discovery;

    /** The engine tests use, found the way LabDesk finds it. */
    public static synchronized Discovery discovery() {
        if (discovery == null) {
            try (DockerJavaEngine engine = DockerJavaEngine.fromEnvironment()) {
                discovery = engine.discover();
            }
        }
        return discovery;
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
        Discovery d = discovery();
        if (!d.available()) {
            Gates.unavailable("labdesk.requireDocker", Boolean.getBoolean("labdesk.requireDocker"),
                    "Docker not available: " + d.problem() + " — fix: " + d.fix(), context);
        }
    }
}
