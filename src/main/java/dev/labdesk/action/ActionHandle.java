package dev.labdesk.action;

import dev.labdesk.kind.Cancellation;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** A started action: cancel it, or wait for its result. */
public final class ActionHandle {

    private final String actionId;
    private final Cancellation cancellation;
    private final Future<ActionResult> future;

    ActionHandle(String actionId, Cancellation cancellation, Future<ActionResult> future) {
        this.actionId = actionId;
        this.cancellation = cancellation;
        this.future = future;
    }

    public String actionId() {
        return actionId;
    }

    /** Asks the action to stop; it ends with CANCELLED. */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isDone() {
        return future.isDone();
    }

    public ActionResult await() throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException | CancellationException e) {
            // run() catches everything the kind throws, so this is a LabDesk bug
            throw new IllegalStateException("action " + actionId + " ended without a result", e);
        }
    }
}
