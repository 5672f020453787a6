package dev.labdesk.kind;

import java.util.ArrayList;
import java.util.List;

/** A cancel signal shared by whoever runs a piece of work and the work itself. */
public final class Cancellation {

    private final List<Runnable> listeners = new ArrayList<>();
    private volatile boolean cancelled;

    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(listeners);
            listeners.clear();
        }
        toRun.forEach(Runnable::run);
    }

    /** Runs {@code action} on cancel, or now if already cancelled. Used to close streams and sockets. */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                listeners.add(action);
                return;
            }
        }
        action.run();
    }

    public void throwIfCancelled() throws InterruptedException {
        if (cancelled) {
            throw new InterruptedException("cancelled");
        }
    }
}
