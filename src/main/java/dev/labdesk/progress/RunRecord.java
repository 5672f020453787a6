package dev.labdesk.progress;

import dev.labdesk.check.CheckResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One run of a lab's checks, as handed to {@link ProgressStore#recordRun}. Timestamps are kept to
 * the millisecond (the store's unit), so a record read back equals the one that was stored.
 *
 * @param packVersion the pack's {@code version} when the checks ran; history keeps it forever
 * @param results     in the order the checks ran; may be empty
 */
public record RunRecord(String packId, String packVersion, String labId, RunMode mode, Instant startedAt,
                        Instant finishedAt, List<CheckResult> results) {

    public RunRecord {
        packId = requireText(packId, "packId");
        packVersion = requireText(packVersion, "packVersion");
        labId = requireText(labId, "labId");
        Objects.requireNonNull(mode, "mode");
        startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(ChronoUnit.MILLIS);
        finishedAt = Objects.requireNonNull(finishedAt, "finishedAt").truncatedTo(ChronoUnit.MILLIS);
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finishedAt " + finishedAt + " is before startedAt " + startedAt);
        }
        results = List.copyOf(results);
        for (CheckResult r : results) {
            requireText(r.id(), "check result id");
            Objects.requireNonNull(r.status(), "status of check result " + r.id());
        }
    }

    /** True when there is at least one result and every result passed. */
    public boolean allPassed() {
        return !results.isEmpty() && results.stream().allMatch(CheckResult::passed);
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
