package dev.labdesk.progress;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a learner stands in one lab, across every version of its pack.
 *
 * @param done      present when the lab is marked done
 * @param stepsDone step id → completion, for the steps currently marked done (sorted by step id)
 * @param lastRunAt when a learner run ({@link RunMode#CHECK}) of this lab last finished
 */
public record LabProgress(String packId, String labId, Optional<Completion> done, Map<String, Completion> stepsDone,
                          Optional<Instant> lastRunAt) {

    public LabProgress {
        stepsDone = Collections.unmodifiableMap(new LinkedHashMap<>(stepsDone));
    }

    public boolean isDone() {
        return done.isPresent();
    }

    public boolean isStepDone(String stepId) {
        return stepsDone.containsKey(stepId);
    }

    /** Nothing recorded for this lab yet. */
    public boolean isUntouched() {
        return done.isEmpty() && stepsDone.isEmpty() && lastRunAt.isEmpty();
    }

    static LabProgress untouched(String packId, String labId) {
        return new LabProgress(packId, labId, Optional.empty(), Map.of(), Optional.empty());
    }
}
