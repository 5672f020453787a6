package dev.labdesk.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** One image build with the engine's classic builder. {@code dockerfile} lies inside {@code context}. */
public record BuildSpec(Path context, Path dockerfile, String tag, Map<String, String> buildArgs,
                        Map<String, String> labels, boolean noCache, Duration timeout) {

    public BuildSpec {
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
    }
}
