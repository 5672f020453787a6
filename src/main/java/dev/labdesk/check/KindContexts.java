package dev.labdesk.check;

import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import java.nio.file.Path;

/** Variations of a {@link KindContext} that the engines hand to kinds. */
public final class KindContexts {

    private KindContexts() {
    }

    /** The same context with its own cancellation: one attempt, or one action, can be stopped alone. */
    public static KindContext withCancellation(KindContext ctx, Cancellation cancellation) {
        return new KindContext() {
            @Override
            public Pack pack() {
                return ctx.pack();
            }

            @Override
            public Lab lab() {
                return ctx.lab();
            }

            @Override
            public Path workspace() {
                return ctx.workspace();
            }

            @Override
            public boolean trusted() {
                return ctx.trusted();
            }

            @Override
            public Cancellation cancellation() {
                return cancellation;
            }

            @Override
            public <T> T service(Class<T> type) {
                return ctx.service(type);
            }

            @Override
            public String labKey() {
                return ctx.labKey();
            }
        };
    }

    /** A child that is cancelled when {@code parent} is. */
    public static Cancellation child(Cancellation parent) {
        Cancellation c = new Cancellation();
        parent.onCancel(c::cancel);
        return c;
    }
}
