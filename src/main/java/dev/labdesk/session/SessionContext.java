package dev.labdesk.session;

import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.KindContext;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import java.nio.file.Path;

/** The {@link KindContext} of a lab session; services come from the registry's plugins. */
public record SessionContext(Pack pack, Lab lab, Path workspace, boolean trusted, Cancellation cancellation,
                             KindRegistry registry) implements KindContext {

    @Override
    public <T> T service(Class<T> type) {
        return registry.service(type);
    }
}
