package dev.labdesk.progress;

import java.util.Locale;

/**
 * Why checks ran. Only {@link #CHECK} runs are the learner's own work and feed
 * {@link ProgressStore#lastResults}; {@link #TEST} runs are an author's pack test on a scratch
 * workspace and stay in the history only. Stored as the lower-case name; adding a constant
 * needs a schema migration so that an older LabDesk refuses the file instead of misreading it.
 */
public enum RunMode {
    /** {@code labdesk check}, or the Check button in the desktop app. */
    CHECK,
    /** {@code labdesk test}: the starter must fail and the solution must pass. */
    TEST;

    String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunMode fromStored(String value) {
        for (RunMode mode : values()) {
            if (mode.stored().equals(value)) {
                return mode;
            }
        }
        throw new IllegalStateException("unknown run mode '" + value + "' in the progress database");
    }
}
