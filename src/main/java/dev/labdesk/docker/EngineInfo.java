package dev.labdesk.docker;

/**
 * The engine LabDesk talks to and how it was found.
 *
 * @param endpoint   e.g. {@code unix:///var/run/docker.sock}
 * @param source     how it was found, e.g. "DOCKER_HOST" or "Linux default socket"
 * @param version    the engine's own version, e.g. 20.10.24
 * @param apiVersion the API version the engine speaks (LabDesk does not pin one)
 */
public record EngineInfo(String endpoint, String source, String version, String apiVersion, String minApiVersion,
                         String os, String arch, String kernel) {

    public String platform() {
        return os + "/" + arch;
    }
}
