package dev.labdesk.cli;

/** The CLI contract's exit codes; graders and CI depend on them. */
public final class ExitCode {

    public static final int OK = 0;
    /** Checks or lab tests failed. */
    public static final int FAILED = 1;
    /** Usage error or invalid pack. */
    public static final int INVALID = 2;
    /** A required environment (Docker, a cluster, a credential) is unavailable. */
    public static final int ENVIRONMENT = 3;
    /** A bug in LabDesk; the log has the details. */
    public static final int INTERNAL = 4;

    private ExitCode() {
    }
}
