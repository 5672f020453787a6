package dev.labdesk.docker;

import java.util.List;
import java.util.Map;

/**
 * An image as the engine describes it: the parts docker.image checks look at.
 *
 * @param exposedPorts like {@code 8080/tcp}
 * @param layers       the RootFS layer digests, base layers first
 */
public record ImageInfo(String id, List<String> tags, Map<String, String> labels, List<String> exposedPorts,
                        List<String> entrypoint, List<String> cmd, Map<String, String> env, String workdir,
                        String user, long size, List<String> layers) {

    public ImageInfo {
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
        exposedPorts = List.copyOf(exposedPorts);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = Map.copyOf(env);
        layers = List.copyOf(layers);
    }
}
