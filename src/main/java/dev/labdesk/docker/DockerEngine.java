package dev.labdesk.docker;

import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.EnvironmentUnavailable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What LabDesk needs from a Docker engine. Every method except {@link #discover()} throws
 * {@link EnvironmentUnavailable} when no engine answers, with what happened and the fix.
 * Streaming callbacks run on a library thread: they must not block and must not touch UI.
 */
public interface DockerEngine extends AutoCloseable {

    /** The label every container and image LabDesk creates carries: {@code <pack>/<lab>}. */
    String LAB_LABEL = "dev.labdesk.lab";

    /** Looks for an engine (again) and reports every place tried; never throws. */
    Discovery discover();

    /** The engine in use, connecting first if needed. */
    EngineInfo info();

    /**
     * Builds an image with the classic builder, sending each output line to {@code lines}.
     * Returns when the build ends, is cancelled or times out.
     */
    BuildResult build(BuildSpec spec, Consumer<String> lines, Cancellation cancellation);

    Optional<ImageInfo> image(String reference);

    Optional<ContainerInfo> container(String nameOrId);

    /** Creates (does not start) a container; returns its id. */
    String create(RunSpec spec);

    void start(String containerId);

    /** Stops with SIGTERM, then SIGKILL after {@code grace}. True when it was running. */
    boolean stop(String containerId, Duration grace);

    void removeContainer(String containerId);

    /** Removes an image (untagged parents go with it). False when another image or container still needs it. */
    boolean removeImage(String imageId);

    /** The last {@code tail} lines of stdout and stderr, interleaved as the engine stored them. */
    List<String> logs(String containerId, int tail);

    /** Follows the log until the returned handle is closed or the container ends. */
    AutoCloseable followLogs(String containerId, Consumer<String> lines);

    /** Containers (running or not) whose label {@code key} equals {@code value}. */
    List<Labelled> containersLabelled(String key, String value);

    List<Labelled> imagesLabelled(String key, String value);

    /** Writes an image to a tar, as {@code docker save} does, for packs that ship their images. */
    void save(String reference, Path tar);

    /** Loads an image tar made by {@code docker save}; returns the image names it loaded. */
    List<String> load(Path tar, Consumer<String> lines, Cancellation cancellation);

    @Override
    void close();
}
