package dev.labdesk.progress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress in every lab of a pack that has anything recorded (labs never touched are absent;
 * {@link #lab} answers them as untouched). Labs are sorted by id.
 */
public record PackProgress(String packId, Map<String, LabProgress> labs) {

    public PackProgress {
        labs = Collections.unmodifiableMap(new LinkedHashMap<>(labs));
    }

    public LabProgress lab(String labId) {
        LabProgress lab = labs.get(labId);
        return lab != null ? lab : LabProgress.untouched(packId, labId);
    }

    public long labsDone() {
        return labs.values().stream().filter(LabProgress::isDone).count();
    }
}
