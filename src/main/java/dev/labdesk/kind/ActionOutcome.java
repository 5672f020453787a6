package dev.labdesk.kind;

import java.util.Map;

/** How an action ended, in one sentence, with named outputs (an image id, a container name, a status code). */
public record ActionOutcome(Status status, String message, Map<String, String> outputs) {

    public enum Status {
        OK, FAILED, ERROR, CANCELLED
    }

    public ActionOutcome {
        outputs = Map.copyOf(outputs);
    }

    public static ActionOutcome ok(String message, Map<String, String> outputs) {
        return new ActionOutcome(Status.OK, message, outputs);
    }

    public static ActionOutcome failed(String message) {
        return new ActionOutcome(Status.FAILED, message, Map.of());
    }

    public static ActionOutcome error(String message) {
        return new ActionOutcome(Status.ERROR, message, Map.of());
    }

    public static ActionOutcome cancelled() {
        return new ActionOutcome(Status.CANCELLED, "cancelled", Map.of());
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
