package dev.labdesk.progress;

import java.time.Instant;

/** When a step or lab was marked done, and under which version of its pack. */
public record Completion(String packVersion, Instant at) {
}
