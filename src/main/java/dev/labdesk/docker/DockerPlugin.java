package dev.labdesk.docker;

import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.EnvironmentUnavailable;
import dev.labdesk.kind.KindContext;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.kind.LabdeskPlugin;

/** Contributes the docker actions and checks, pack.yaml's {@code images} and the {@link DockerEngine} service. */
public final class DockerPlugin implements LabdeskPlugin {

    @Override
    public void register(KindRegistry.Builder r) {
        // The "docker" requires value is CorePlugin's: labs may declare it even without this plugin.
        r.action(new DockerBuildAction())
                .action(new DockerRunAction())
                .action(new DockerStopAction())
                .action(new DockerLoadAction())
                .action(new DockerCleanupAction())
                .check(new DockerImageCheck())
                .check(new DockerContainerCheck())
                .packField(BaseImages.FIELD, BaseImages.shape(),
                        "base images the labs need: [{name, purpose, tar, build}]; labdesk doctor says whether each is present")
                .service(DockerEngine.class, () -> DockerJavaEngine.fromEnvironment()) // a lambda, not a method reference: validate must not load docker-java
                .cleaner(DockerPlugin::cleanUp);
    }

    /** Removes the containers and images labelled with the lab; nothing to do without an engine. */
    private static String cleanUp(KindContext ctx) {
        DockerEngine engine;
        try {
            engine = DockerKinds.engine(ctx);
            if (engine.containersLabelled(DockerEngine.LAB_LABEL, ctx.labKey()).isEmpty()
                    && engine.imagesLabelled(DockerEngine.LAB_LABEL, ctx.labKey()).isEmpty()) {
                return null;
            }
        } catch (EnvironmentUnavailable noEngine) {
            return null;
        }
        return DockerCleanupAction.cleanup(engine, ctx.labKey(), ActionListener.NONE).message();
    }
}
