package dev.labdesk.docker;

import java.util.List;
import java.util.Map;

/**
 * A container to create. Ports are always published on 127.0.0.1; {@code command} null keeps
 * the image's CMD; {@code init} runs a tiny init as PID 1 so stop signals reach the process.
 */
public record RunSpec(String image, String name, Map<String, String> labels, List<PortSpec> ports,
                      Map<String, String> env, List<String> command, boolean init) {

    public RunSpec {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        env = Map.copyOf(env);
        command = command == null ? null : List.copyOf(command);
    }
}
