package dev.labdesk.testing;

import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.EnvironmentUnavailable;
import dev.labdesk.kind.KindContext;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.kind.LabdeskPlugin;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import java.util.concurrent.CountDownLatch;

/**
 * A plugin with kinds that behave like integrations gone wrong, to test what the engines do about them:
 * {@code test.env} finds its environment missing, {@code test.stuck} ignores its timeout until interrupted.
 */
public final class TestKinds implements LabdeskPlugin {

    /** Counted down when a {@code test.stuck} attempt starts. */
    public final CountDownLatch stuckStarted = new CountDownLatch(1);
    /** Counted down when a {@code test.stuck} attempt sees its thread interrupted. */
    public final CountDownLatch stuckInterrupted = new CountDownLatch(1);

    @Override
    public void register(KindRegistry.Builder registry) {
        registry.check(new Simple("test.env") {
            @Override
            public CheckOutcome evaluate(CheckSpec check, KindContext ctx) {
                throw new EnvironmentUnavailable("docker", "Docker is not running", "start Docker Desktop, or set DOCKER_HOST");
            }
        }).check(new Simple("test.stuck") {
            @Override
            public CheckOutcome evaluate(CheckSpec check, KindContext ctx) {
                stuckStarted.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    stuckInterrupted.countDown();
                }
                return CheckOutcome.pass("never", "never");
            }
        });
    }

    private abstract static class Simple implements CheckKind {
        private final String name;

        Simple(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String summary() {
            return "test kind " + name;
        }

        @Override
        public Shape subject() {
            return Shapes.text();
        }

        @Override
        public Shape expect() {
            return Shapes.any();
        }
    }
}
