package dev.labdesk.progress;

import dev.labdesk.check.CheckResult;
import java.time.Instant;

/**
 * The newest result of one check, with the run and pack version it came from, so the UI can say
 * "passed on 3 May, under pack version 1.0" when a newer version of the pack is open.
 */
public record LastResult(long runId, String packVersion, Instant finishedAt, CheckResult result) {
}
