package dev.labdesk.docker;

import java.util.List;
import java.util.Map;

/**
 * A container as the engine describes it.
 *
 * @param status   created, running, paused, restarting, removing, exited or dead
 * @param health   starting, healthy or unhealthy; null when the image has no HEALTHCHECK
 * @param exitCode the last exit code (meaningful once it has exited)
 */
public record ContainerInfo(String id, String name, String image, Map<String, String> labels, String status,
                            boolean running, String health, long exitCode, int restartCount,
                            List<PortMapping> ports) {

    public ContainerInfo {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
    }

    /** A published port: {@code hostIp:hostPort -> containerPort/protocol}. */
    public record PortMapping(int containerPort, String protocol, String hostIp, int hostPort) {
        @Override
        public String toString() {
            return hostIp + ":" + hostPort + "->" + containerPort + "/" + protocol;
        }
    }
}
