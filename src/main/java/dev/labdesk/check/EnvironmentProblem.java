package dev.labdesk.check;

import dev.labdesk.kind.EnvironmentUnavailable;

/**
 * A check or action could not run because an environment is missing (Docker, a cluster, a credential).
 * The CLI turns any of these into exit code 3 and prints the message and the fix.
 *
 * @param source the check or action id that found it
 */
public record EnvironmentProblem(String source, String environment, String message, String fix) {

    public static EnvironmentProblem of(String source, EnvironmentUnavailable e) {
        return new EnvironmentProblem(source, e.environment(), e.getMessage(), e.fix());
    }

    /** "Docker is not running. Fix: start Docker Desktop, or set DOCKER_HOST". */
    public String userMessage() {
        return message + (fix == null ? "" : ". Fix: " + fix);
    }
}
