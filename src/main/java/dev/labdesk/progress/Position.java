package dev.labdesk.progress;

import java.time.Instant;

/**
 * Where the learner was reading, to resume there.
 *
 * @param stepId the step in view; null for the top of the lab
 * @param anchor a finer place inside the step (a heading slug or block id); null when not known
 */
public record Position(String packId, String packVersion, String labId, String stepId, String anchor, Instant at) {
}
