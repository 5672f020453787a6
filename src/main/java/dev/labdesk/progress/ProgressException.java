package dev.labdesk.progress;

import java.nio.file.Path;

/**
 * The progress database cannot be used. Carries what happened and the next step for the learner;
 * the store never deletes or rewrites a file it cannot read, so the fix is always theirs to take.
 */
public class ProgressException extends RuntimeException {

    /** What went wrong, for callers that react differently (the CLI maps all of them to one exit code). */
    public enum Reason {
        /** The file is not an SQLite database, or is one that LabDesk did not create. */
        NOT_A_DATABASE,
        /** SQLite found damaged pages. */
        CORRUPT,
        /** Written by a newer LabDesk whose schema this version does not know. */
        NEWER_SCHEMA,
        /** Another process held the database longer than the busy timeout, even after retries. */
        BUSY,
        /** The file or its folder cannot be written or created. */
        CANNOT_WRITE,
        /** Any other SQLite or I/O failure. */
        FAILED
    }

    private final Reason reason;
    private final Path file;
    private final String fix;

    public ProgressException(Reason reason, Path file, String message, String fix, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
        this.fix = fix;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }

    public String fix() {
        return fix;
    }

    /** "... is not a LabDesk progress database. Fix: move it aside ...". */
    public String userMessage() {
        return getMessage() + (fix == null ? "" : ". Fix: " + fix);
    }
}
