package dev.labdesk.docker;

/**
 * The engine answered but refused a request (a name in use, a port taken, a missing image).
 * The message is the engine's own sentence, without HTTP or JSON wrapping.
 */
public class DockerFailure extends RuntimeException {

    private final int status;

    public DockerFailure(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the engine answered with: 404 not found, 409 conflict, 500 engine error. */
    public int status() {
        return status;
    }
}
