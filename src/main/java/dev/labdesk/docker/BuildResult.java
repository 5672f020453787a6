package dev.labdesk.docker;

/**
 * How a build ended. Exactly one of: an image id, an error the engine reported (a failing
 * step), a timeout, or a cancellation.
 */
public record BuildResult(String imageId, String error, boolean timedOut, boolean cancelled) {

    public static BuildResult built(String imageId) {
        return new BuildResult(imageId, null, false, false);
    }

    public static BuildResult failed(String error) {
        return new BuildResult(null, error, false, false);
    }

    public boolean ok() {
        return imageId != null && error == null && !timedOut && !cancelled;
    }
}
