package dev.labdesk.docker;

import java.util.List;

/**
 * What looking for an engine found: every place tried in order with its verdict, the engine
 * chosen (null when none answered) and, then, why and what to do.
 */
public record Discovery(List<Attempt> attempts, EngineInfo engine, String problem, String fix) {

    public Discovery {
        attempts = List.copyOf(attempts);
    }

    /** One place tried: {@code verdict} is "chosen", "skipped: ..." or why it was rejected. */
    public record Attempt(String source, String endpoint, boolean chosen, String verdict) {
    }

    public boolean available() {
        return engine != null;
    }
}
