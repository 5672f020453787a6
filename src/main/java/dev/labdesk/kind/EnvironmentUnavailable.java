package dev.labdesk.kind;

/**
 * A required environment (Docker engine, cluster, credential) is not there. Carries what
 * happened and the fix, for an ERROR result in the UI and exit code 3 on the command line.
 */
public class EnvironmentUnavailable extends RuntimeException {

    private final String environment;
    private final String fix;

    public EnvironmentUnavailable(String environment, String message, String fix) {
        this(environment, message, fix, null);
    }

    public EnvironmentUnavailable(String environment, String message, String fix, Throwable cause) {
        super(message, cause);
        this.environment = environment;
        this.fix = fix;
    }

    /** A short name: docker, kubernetes, aws... */
    public String environment() {
        return environment;
    }

    public String fix() {
        return fix;
    }

    /** "Docker is not running. Fix: start Docker Desktop, or set DOCKER_HOST". */
    public String userMessage() {
        return getMessage() + (fix == null ? "" : ". Fix: " + fix);
    }
}
