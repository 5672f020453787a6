package dev.labdesk.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LoadResponseItem;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.EnvironmentUnavailable;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link DockerEngine} over docker-java with the Apache httpclient5 transport. No API version is
 * pinned, so any engine answers in its own version. Two clients share one endpoint: one with a
 * response timeout for quick requests, one without for streams (a RUN step may print nothing for
 * minutes). A request that finds the engine gone drops the connection, so the next use looks again.
 */
public final class DockerJavaEngine implements DockerEngine {

    private static final Logger LOG = Logger.getLogger(DockerJavaEngine.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern ANSI = java.util.regex.Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    /** Why no engine was found, and what to do, for every kind that needs one. */
    public static final String NOT_RUNNING_FIX = "start Docker Desktop (or Rancher Desktop, colima, OrbStack), "
            + "or on Linux `sudo systemctl start docker`; if your engine listens elsewhere, set DOCKER_HOST "
            + "(e.g. DOCKER_HOST=unix:///path/to/docker.sock)";
    static final String LOST_FIX = "check that Docker is running (`docker info` in a terminal, or `labdesk doctor`), then try again";

    private final Supplier<List<EngineLocator.Candidate>> candidates;
    private final Object lock = new Object();
    private Connection connection;
    private Discovery lastDiscovery;

    /** {@code config} makes short-lived probe clients that ask "still there?" while a long stream runs. */
    private record Connection(EngineInfo info, DockerClient quick, DockerClient streams, DefaultDockerClientConfig config) {
        void close() {
            closeQuietly(quick);
            closeQuietly(streams);
        }
    }

    /** How often a long stream checks that the engine still answers; a stopping engine closes its listener at once. */
    static final Duration WATCH_EVERY = Duration.ofSeconds(2);

    /** {@code candidates} is asked again on every discovery, so a changed context or a started engine is seen. */
    public DockerJavaEngine(Supplier<List<EngineLocator.Candidate>> candidates) {
        this.candidates = candidates;
    }

    /** Reads DOCKER_HOST, contexts and sockets afresh on every discovery. */
    public static DockerJavaEngine fromEnvironment() {
        return new DockerJavaEngine(() -> EngineLocator.system().candidates());
    }

    public static DockerJavaEngine of(EngineLocator locator) {
        return new DockerJavaEngine(locator::candidates);
    }

    //**** Finding the engine ****//

    @Override
    public Discovery discover() {
        synchronized (lock) {
            disconnect();
            return connectLocked();
        }
    }

    @Override
    public EngineInfo info() {
        return connection().info();
    }

    private Connection connection() {
        synchronized (lock) {
            if (connection == null) {
                Discovery d = connectLocked();
                if (!d.available()) {
                    throw new EnvironmentUnavailable("docker", d.problem(), d.fix());
                }
            }
            return connection;
        }
    }

    private Discovery connectLocked() {
        List<Discovery.Attempt> attempts = new ArrayList<>();
        List<EngineLocator.Candidate> candidates = this.candidates.get();
        String problem = null;
        String fix = null;
        for (EngineLocator.Candidate c : candidates) {
            if (c.uri() == null) {
                attempts.add(new Discovery.Attempt(c.source(), "", false, c.problem()));
                problem = c.problem();
                fix = c.fix();
                continue;
            }
            Rejection why = reject(c);
            if (why == null) {
                try {
                    connection = open(c);
                    attempts.add(new Discovery.Attempt(c.source(), c.uri(), true, "chosen"));
                    for (int i = attempts.size(); i < candidates.size(); i++) {
                        EngineLocator.Candidate rest = candidates.get(i);
                        attempts.add(new Discovery.Attempt(rest.source(), rest.uri(), false, "not tried (an engine was found earlier)"));
                    }
                    lastDiscovery = new Discovery(attempts, connection.info(), null, null);
                    return lastDiscovery;
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "no engine at " + c.uri(), e);
                    why = rejection(c, e);
                }
            }
            attempts.add(new Discovery.Attempt(c.source(), c.uri(), false, why.reason()));
            if (c.explicit() || problem == null || why.fix() != null && why.specific()) {
                problem = why.problem();
                fix = why.fix();
            }
        }
        if (candidates.stream().noneMatch(EngineLocator.Candidate::explicit)) {
            boolean specific = attempts.stream().anyMatch(a -> a.verdict().startsWith("permission denied"));
            if (!specific) {
                problem = "Docker is not running: no engine answered at any of the " + attempts.size()
                        + " places LabDesk looked (" + String.join(", ", attempts.stream().map(Discovery.Attempt::endpoint).toList()) + ")";
                fix = NOT_RUNNING_FIX;
            }
        }
        lastDiscovery = new Discovery(attempts, null, problem, fix);
        return lastDiscovery;
    }

    /** Reason, the sentence for a user, the fix, and whether it is more telling than "not running". */
    private record Rejection(String reason, String problem, String fix, boolean specific) {
    }

    private static Rejection reject(EngineLocator.Candidate c) {
        String scheme = URI.create(c.uri()).getScheme();
        if (scheme == null || !(scheme.equals("unix") || scheme.equals("tcp") || scheme.equals("npipe"))) {
            return new Rejection("LabDesk cannot use " + scheme + ":// endpoints",
                    "Docker endpoint " + c.uri() + " (from " + c.source() + ") uses " + scheme + "://, which LabDesk cannot use",
                    "forward the remote socket to a local one (ssh -NL /tmp/docker.sock:/var/run/docker.sock HOST) and set "
                            + "DOCKER_HOST=unix:///tmp/docker.sock", true);
        }
        Path socket = c.socketPath();
        if (socket != null && !Files.exists(socket)) {
            return new Rejection("no socket at " + socket,
                    "Docker is not running: there is no socket at " + socket + " (from " + c.source() + ")",
                    c.explicit() ? "start the engine " + c.source() + " points at, or unset it to let LabDesk look in the usual places"
                            : NOT_RUNNING_FIX, false);
        }
        return null;
    }

    private static Rejection rejection(EngineLocator.Candidate c, Throwable e) {
        String where = c.uri() + " (from " + c.source() + ")";
        if (hasCause(e, AccessDeniedException.class) || messageOf(e).toLowerCase(Locale.ROOT).contains("permission denied")) {
            return new Rejection("permission denied",
                    "Docker is running but this user may not use it: permission denied on " + where,
                    "add yourself to the docker group (`sudo usermod -aG docker $USER`, then log out and in again), "
                            + "or use Docker Desktop / rootless Docker", true);
        }
        String reason = hasCause(e, SocketTimeoutException.class) ? "no answer within " + PROBE_TIMEOUT.toSeconds() + "s"
                : hasCause(e, ConnectException.class) || messageOf(e).contains("Connection refused") ? "connection refused (nothing listens there)"
                : "no Docker engine there (" + shortMessage(e) + ")";
        String fix = c.explicit() ? "start the engine " + c.source() + " points at, or unset it to let LabDesk look in the usual places"
                : NOT_RUNNING_FIX;
        return new Rejection(reason, "Docker is not reachable at " + where + ": " + reason, fix, false);
    }

    private static Connection open(EngineLocator.Candidate c) {
        DefaultDockerClientConfig config = config(c);
        DockerClient probe = client(config, PROBE_TIMEOUT);
        Version v;
        try {
            v = probe.versionCmd().exec();
        } finally {
            closeQuietly(probe);
        }
        EngineInfo info = new EngineInfo(c.uri(), c.source(), v.getVersion(), v.getApiVersion(), v.getMinAPIVersion(),
                v.getOperatingSystem(), v.getArch(), v.getKernelVersion());
        LOG.info(() -> "Docker engine " + info.version() + " (API " + info.apiVersion() + ") at " + c.uri() + " from " + c.source());
        return new Connection(info, client(config, REQUEST_TIMEOUT), client(config, null), config);
    }

    private static DefaultDockerClientConfig config(EngineLocator.Candidate c) {
        DefaultDockerClientConfig.Builder b = new DefaultDockerClientConfig.Builder().withDockerHost(c.uri())
                // Registry credentials are not needed (LabDesk never pulls); an empty folder keeps a broken
                // ~/.docker/config.json from failing the connection.
                .withDockerConfig(Path.of(System.getProperty("java.io.tmpdir"), "labdesk-no-docker-config").toString());
        if (c.certPath() != null) {
            b.withDockerTlsVerify(true).withDockerCertPath(c.certPath());
        } else {
            b.withDockerTlsVerify(false);
        }
        return b.build();
    }

    private static DockerClient client(DefaultDockerClientConfig config, Duration responseTimeout) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        DockerHttpClient httpClient = http.build();
        return DockerClientImpl.getInstance(config, httpClient);
    }

    private void disconnect() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** The last discovery, for reports; null before the first. */
    public Discovery lastDiscovery() {
        synchronized (lock) {
            return lastDiscovery;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            disconnect();
        }
    }

    //**** Requests ****//

    private <T> T call(String doing, Function<DockerClient, T> request) {
        Connection c = connection();
        try {
            return request.apply(c.quick());
        } catch (DockerException e) {
            throw new DockerFailure(e.getHttpStatus(), engineMessage(e), e);
        } catch (RuntimeException e) {
            throw lostOrRethrow(c, doing, e);
        }
    }

    private RuntimeException lostOrRethrow(Connection c, String doing, RuntimeException e) {
        if (!isConnectionProblem(e)) {
            return e;
        }
        synchronized (lock) {
            if (connection == c) {
                disconnect();
            }
        }
        LOG.log(Level.WARNING, "Docker engine lost while " + doing, e);
        return new EnvironmentUnavailable("docker", "The Docker engine at " + c.info().endpoint()
                + " stopped answering while " + doing + detail(e), LOST_FIX, e);
    }

    @Override
    public BuildResult build(BuildSpec spec, Consumer<String> lines, Cancellation cancellation) {
        Connection c = connection();
        Path tar;
        InputStream tarIn;
        try {
            tar = Files.createTempFile("labdesk-context", ".tar");
            try (var tarOut = Files.newOutputStream(tar)) {
                ContextTar.write(spec.context(), spec.dockerfile(), tarOut);
            }
            tarIn = Files.newInputStream(tar, java.nio.file.StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            return BuildResult.failed("cannot pack the build context " + spec.context() + ": " + e.getMessage());
        }
        try {
            return build(c, spec, tarIn, lines, cancellation);
        } finally {
            closeQuietly(tarIn);
            try {
                Files.deleteIfExists(tar);
            } catch (IOException ignored) {
                // a temp file; the OS cleans it
            }
        }
    }

    private BuildResult build(Connection c, BuildSpec spec, InputStream context, Consumer<String> lines, Cancellation cancellation) {
        LineSplitter out = new LineSplitter(lines);
        final String[] imageId = new String[1];
        final String[] error = new String[1];
        Tracked<BuildResponseItem> callback = new Tracked<>() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    out.accept(item.getStream());
                }
                if (item.isErrorIndicated()) {
                    error[0] = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError();
                } else if (item.isBuildSuccessIndicated()) {
                    imageId[0] = item.getImageId();
                }
            }
        };
        try {
            var cmd = c.streams().buildImageCmd(context)
                    .withDockerfilePath(spec.context().toAbsolutePath().normalize()
                            .relativize(spec.dockerfile().toAbsolutePath().normalize()).toString().replace('\\', '/'))
                    .withTags(java.util.Set.of(spec.tag()))
                    .withLabels(spec.labels())
                    .withNoCache(spec.noCache())
                    .withPull(false)
                    .withRemove(true)
                    // A failed step must not leave its container behind either.
                    .withForcerm(true);
            spec.buildArgs().forEach(cmd::withBuildArg);
            cmd.exec(callback);
        } catch (DockerException e) {
            return BuildResult.failed(engineMessage(e));
        } catch (RuntimeException e) {
            throw lostOrRethrow(c, "starting the build", e);
        }
        cancellation.onCancel(() -> closeQuietly(callback));
        Ending ending = await(c, callback, spec.timeout(), cancellation);
        out.flush();
        if (ending == Ending.CANCELLED) {
            return new BuildResult(null, null, false, true);
        }
        if (ending == Ending.TIMED_OUT) {
            return new BuildResult(null, null, true, false);
        }
        if (ending == Ending.LOST) {
            throw lostOrRethrowAlways(c, "building " + spec.tag(), new RuntimeException(new IOException("the engine stopped answering pings")));
        }
        if (error[0] != null) {
            // A daemon that is shutting down kills the RUN step first: that is the engine leaving, not the learner's build failing.
            if (!answers(c)) {
                throw lostOrRethrowAlways(c, "building " + spec.tag(),
                        new RuntimeException(new IOException("the engine went away; the build's last words were: " + error[0].trim())));
            }
            return BuildResult.failed(error[0]);
        }
        Throwable failure = callback.firstError();
        if (failure != null) {
            if (failure instanceof DockerException de) {
                return BuildResult.failed(engineMessage(de));
            }
            RuntimeException wrapped = failure instanceof RuntimeException re ? re : new RuntimeException(failure);
            throw lostOrRethrowAlways(c, "building " + spec.tag(), wrapped);
        }
        if (imageId[0] == null) {
            // The stream ended without a result: the engine went away between two messages.
            throw lostOrRethrowAlways(c, "building " + spec.tag(), new RuntimeException(new IOException("the build stream ended without a result")));
        }
        // The stream may carry only the short id ("Successfully built 1a2b..."): report the full one.
        return BuildResult.built(image(spec.tag()).map(ImageInfo::id).orElse(imageId[0]));
    }

    /** A broken stream during a long request means the engine went away, whatever the exception's type. */
    private RuntimeException lostOrRethrowAlways(Connection c, String doing, RuntimeException e) {
        RuntimeException mapped = lostOrRethrow(c, doing, e);
        if (mapped instanceof EnvironmentUnavailable) {
            return mapped;
        }
        synchronized (lock) {
            if (connection == c) {
                disconnect();
            }
        }
        LOG.log(Level.WARNING, "stream broke while " + doing, e);
        return new EnvironmentUnavailable("docker", "The Docker engine at " + c.info().endpoint()
                + " stopped answering while " + doing + detail(e), LOST_FIX, e);
    }

    private enum Ending { DONE, TIMED_OUT, CANCELLED, LOST }

    /**
     * Waits for a stream to end while checking, every {@link #WATCH_EVERY}, that the engine still
     * answers: a daemon that is shutting down may hold a build's stream open for many seconds
     * after it stopped accepting requests. Closes the stream on timeout, cancellation or loss.
     */
    private static Ending await(Connection c, Tracked<?> callback, Duration timeout, Cancellation cancellation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int misses = 0;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (callback.awaitEnd(Math.min(WATCH_EVERY.toNanos(), Math.max(left, 0)), TimeUnit.NANOSECONDS)) {
                    return cancellation.isCancelled() ? Ending.CANCELLED : Ending.DONE;
                }
                if (cancellation.isCancelled()) {
                    closeQuietly(callback);
                    return Ending.CANCELLED;
                }
                if (System.nanoTime() >= deadline) {
                    closeQuietly(callback);
                    return Ending.TIMED_OUT;
                }
                misses = answers(c) ? 0 : misses + 1;
                if (misses >= 2) {
                    closeQuietly(callback);
                    return Ending.LOST;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(callback);
            return Ending.CANCELLED;
        }
    }

    /**
     * A quick "are you still there?" on a NEW connection: a stopping daemon closes its listener at
     * once but keeps serving connections it already has, so a pooled connection would still answer.
     */
    private static boolean answers(Connection c) {
        DockerClient probe = client(c.config(), PROBE_TIMEOUT);
        try {
            probe.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return !isConnectionProblem(e);
        } finally {
            closeQuietly(probe);
        }
    }

    @Override
    public Optional<ImageInfo> image(String reference) {
        try {
            InspectImageResponse r = call("inspecting image " + reference, d -> d.inspectImageCmd(reference).exec());
            return Optional.of(toImage(r));
        } catch (DockerFailure e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static ImageInfo toImage(InspectImageResponse r) {
        ContainerConfig cfg = r.getConfig();
        Map<String, String> labels = cfg == null || cfg.getLabels() == null ? Map.of() : cfg.getLabels();
        List<String> ports = new ArrayList<>();
        if (cfg != null && cfg.getExposedPorts() != null) {
            for (ExposedPort p : cfg.getExposedPorts()) {
                ports.add(p.getPort() + "/" + p.getProtocol().name().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (cfg != null && cfg.getEnv() != null) {
            for (String kv : cfg.getEnv()) {
                int eq = kv.indexOf('=');
                env.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        List<String> layers = r.getRootFS() == null || r.getRootFS().getLayers() == null ? List.of() : r.getRootFS().getLayers();
        return new ImageInfo(r.getId(), r.getRepoTags() == null ? List.of() : r.getRepoTags(), labels, ports,
                cfg == null || cfg.getEntrypoint() == null ? null : Arrays.asList(cfg.getEntrypoint()),
                cfg == null || cfg.getCmd() == null ? null : Arrays.asList(cfg.getCmd()),
                env, cfg == null ? "" : nullToEmpty(cfg.getWorkingDir()), cfg == null ? "" : nullToEmpty(cfg.getUser()),
                r.getSize() == null ? 0 : r.getSize(), layers);
    }

    @Override
    public Optional<ContainerInfo> container(String nameOrId) {
        try {
            InspectContainerResponse r = call("inspecting container " + nameOrId, d -> d.inspectContainerCmd(nameOrId).exec());
            return Optional.of(toContainer(r));
        } catch (DockerFailure e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static ContainerInfo toContainer(InspectContainerResponse r) {
        var state = r.getState();
        List<ContainerInfo.PortMapping> ports = new ArrayList<>();
        if (r.getNetworkSettings() != null && r.getNetworkSettings().getPorts() != null) {
            for (Map.Entry<ExposedPort, Ports.Binding[]> e : r.getNetworkSettings().getPorts().getBindings().entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                for (Ports.Binding b : e.getValue()) {
                    int hostPort = parsePort(b.getHostPortSpec());
                    ports.add(new ContainerInfo.PortMapping(e.getKey().getPort(),
                            e.getKey().getProtocol().name().toLowerCase(Locale.ROOT), nullToEmpty(b.getHostIp()), hostPort));
                }
            }
        }
        String name = r.getName() == null ? "" : r.getName().replaceFirst("^/", "");
        Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null ? Map.of() : r.getConfig().getLabels();
        String health = state.getHealth() == null ? null : state.getHealth().getStatus();
        return new ContainerInfo(r.getId(), name, r.getConfig() == null ? "" : nullToEmpty(r.getConfig().getImage()), labels,
                nullToEmpty(state.getStatus()), Boolean.TRUE.equals(state.getRunning()), health,
                state.getExitCodeLong() == null ? 0 : state.getExitCodeLong(),
                r.getRestartCount() == null ? 0 : r.getRestartCount(), ports);
    }

    private static int parsePort(String spec) {
        try {
            return spec == null ? 0 : Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String create(RunSpec spec) {
        return call("creating container " + spec.name(), d -> {
            Ports bindings = new Ports();
            List<ExposedPort> exposed = new ArrayList<>();
            for (PortSpec p : spec.ports()) {
                ExposedPort ep = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol()));
                exposed.add(ep);
                // Learners' apps stay on this machine: never publish on 0.0.0.0.
                bindings.bind(ep, Ports.Binding.bindIpAndPort("127.0.0.1", p.hostPort()));
            }
            HostConfig host = HostConfig.newHostConfig().withPortBindings(bindings).withInit(spec.init());
            CreateContainerCmd cmd = d.createContainerCmd(spec.image())
                    .withName(spec.name())
                    .withLabels(spec.labels())
                    .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .withExposedPorts(exposed)
                    .withHostConfig(host);
            if (spec.command() != null) {
                cmd.withCmd(spec.command());
            }
            return cmd.exec().getId();
        });
    }

    @Override
    public void start(String containerId) {
        try {
            call("starting container", d -> d.startContainerCmd(containerId).exec());
        } catch (DockerFailure e) {
            if (e.status() != 304) { // 304: already running
                throw e;
            }
        }
    }

    @Override
    public boolean stop(String containerId, Duration grace) {
        try {
            call("stopping container", d -> d.stopContainerCmd(containerId).withTimeout((int) Math.max(1, grace.toSeconds())).exec());
            return true;
        } catch (DockerFailure e) {
            if (e.status() == 304 || e.status() == 404) { // already stopped, or gone
                return false;
            }
            throw e;
        }
    }

    @Override
    public void removeContainer(String containerId) {
        try {
            call("removing container", d -> d.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec());
        } catch (DockerFailure e) {
            // 404: already gone; 409 "removal already in progress": the engine finishes it
            if (!(e.status() == 404 || e.status() == 409 && e.getMessage().contains("already in progress"))) {
                throw e;
            }
        }
    }

    @Override
    public boolean removeImage(String imageId) {
        try {
            call("removing image", d -> d.removeImageCmd(imageId).withForce(false).withNoPrune(false).exec());
            return true;
        } catch (DockerFailure e) {
            if (e.status() == 404) {
                return true;
            }
            if (e.status() == 409) { // used by a container or a child image
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<String> logs(String containerId, int tail) {
        Connection c = connection();
        List<String> out = new ArrayList<>();
        FrameLines frames = new FrameLines(line -> {
            synchronized (out) {
                out.add(line);
            }
        });
        try {
            c.streams().logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(tail).exec(frames);
            if (!frames.awaitEnd(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                closeQuietly(frames);
            }
        } catch (DockerException e) {
            throw new DockerFailure(e.getHttpStatus(), engineMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(frames);
        } catch (RuntimeException e) {
            throw lostOrRethrow(c, "reading logs", e);
        }
        frames.flush();
        if (frames.firstError() instanceof DockerException de) {
            throw new DockerFailure(de.getHttpStatus(), engineMessage(de), de);
        }
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    @Override
    public AutoCloseable followLogs(String containerId, Consumer<String> lines) {
        Connection c = connection();
        FrameLines frames = new FrameLines(lines);
        try {
            c.streams().logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true).withTailAll().exec(frames);
        } catch (RuntimeException e) {
            throw lostOrRethrow(c, "following logs", e);
        }
        return () -> {
            frames.flush();
            closeQuietly(frames);
        };
    }

    @Override
    public List<Labelled> containersLabelled(String key, String value) {
        return call("listing containers", d -> d.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(key, value)).exec())
                .stream()
                .map(ct -> new Labelled(ct.getId(), ct.getNames() == null || ct.getNames().length == 0 ? ct.getId()
                        : ct.getNames()[0].replaceFirst("^/", ""), "container"))
                .toList();
    }

    @Override
    public List<Labelled> imagesLabelled(String key, String value) {
        return call("listing images", d -> d.listImagesCmd().withLabelFilter(Map.of(key, value)).exec())
                .stream()
                .map(im -> new Labelled(im.getId(), im.getRepoTags() == null || im.getRepoTags().length == 0 ? im.getId()
                        : im.getRepoTags()[0], "image"))
                .toList();
    }

    @Override
    public void save(String reference, Path tar) {
        Connection c = connection();
        try (InputStream in = c.streams().saveImageCmd(reference).exec()) {
            Files.copy(in, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (DockerException e) {
            throw new DockerFailure(e.getHttpStatus(), engineMessage(e), e);
        } catch (IOException e) {
            throw lostOrRethrowAlways(c, "saving " + reference, new RuntimeException(e));
        } catch (RuntimeException e) {
            throw lostOrRethrow(c, "saving " + reference, e);
        }
    }

    @Override
    public List<String> load(Path tar, Consumer<String> lines, Cancellation cancellation) {
        Connection c = connection();
        List<String> loaded = java.util.Collections.synchronizedList(new ArrayList<>());
        final String[] error = new String[1];
        LineSplitter out = new LineSplitter(line -> {
            lines.accept(line);
            if (line.startsWith("Loaded image: ")) {
                loaded.add(line.substring("Loaded image: ".length()).trim());
            } else if (line.startsWith("Loaded image ID: ")) {
                loaded.add(line.substring("Loaded image ID: ".length()).trim());
            }
        });
        Tracked<LoadResponseItem> callback = new Tracked<>() {
            @Override
            public void onNext(LoadResponseItem item) {
                if (item.getStream() != null) {
                    out.accept(item.getStream());
                }
                if (item.isErrorIndicated()) {
                    error[0] = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
                }
            }
        };
        try (InputStream in = Files.newInputStream(tar)) {
            c.streams().loadImageAsyncCmd(in).exec(callback);
            cancellation.onCancel(() -> closeQuietly(callback));
            if (await(c, callback, Duration.ofHours(1), cancellation) == Ending.LOST) {
                throw lostOrRethrowAlways(c, "loading " + tar.getFileName(), new RuntimeException(new IOException("the engine stopped answering pings")));
            }
        } catch (IOException e) {
            throw new DockerFailure(0, "cannot read " + tar + ": " + e.getMessage(), e);
        } catch (DockerException e) {
            throw new DockerFailure(e.getHttpStatus(), engineMessage(e), e);
        } catch (EnvironmentUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw lostOrRethrow(c, "loading " + tar.getFileName(), e);
        }
        out.flush();
        if (error[0] != null) {
            throw new DockerFailure(500, error[0], null);
        }
        Throwable failure = callback.firstError();
        if (failure instanceof DockerException de) {
            throw new DockerFailure(de.getHttpStatus(), engineMessage(de), de);
        }
        if (failure != null && !cancellation.isCancelled()) {
            throw lostOrRethrowAlways(c, "loading " + tar.getFileName(), failure instanceof RuntimeException re ? re : new RuntimeException(failure));
        }
        return List.copyOf(loaded);
    }

    //**** Helpers ****//

    /** A callback that remembers the first error, so the caller can tell a broken stream from a finished one. */
    private static class Tracked<T> extends ResultCallback.Adapter<T> {
        private volatile Throwable firstError;
        /** Our own "ended" latch: the library's timed awaitCompletion closes the stream when it times out. */
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void onComplete() {
            super.onComplete();
            ended.countDown();
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                ended.countDown();
            }
        }

        /** Waits without side effects; true when the stream has ended. */
        boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
            return ended.await(timeout, unit);
        }

        /** Records the error for the caller instead of logging it as SEVERE (closing a stream ourselves raises one too). */
        @Override
        public void onError(Throwable throwable) {
            if (firstError == null) {
                firstError = throwable;
            }
            LOG.log(Level.FINE, "stream ended with an error", throwable);
            closeQuietly(this);
        }

        Throwable firstError() {
            return firstError;
        }
    }

    /** Turns stream chunks, which may split or join lines, into whole lines. */
    private static final class LineSplitter {
        private final Consumer<String> lines;
        private final StringBuilder pending = new StringBuilder();

        LineSplitter(Consumer<String> lines) {
            this.lines = lines;
        }

        synchronized void accept(String chunk) {
            pending.append(chunk);
            int nl;
            while ((nl = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, nl);
                pending.delete(0, nl + 1);
                lines.accept(stripCr(line));
            }
        }

        synchronized void flush() {
            if (pending.length() > 0) {
                lines.accept(stripCr(pending.toString()));
                pending.setLength(0);
            }
        }

        /** The classic builder paints a step's stderr red with ANSI codes; lines are plain text here. */
        private static String stripCr(String line) {
            String plain = ANSI.matcher(line).replaceAll("");
            return plain.endsWith("\r") ? plain.substring(0, plain.length() - 1) : plain;
        }
    }

    /** Log frames to lines, stdout and stderr each split on its own. */
    private static final class FrameLines extends Tracked<Frame> {
        private final LineSplitter stdout;
        private final LineSplitter stderr;

        FrameLines(Consumer<String> lines) {
            this.stdout = new LineSplitter(lines);
            this.stderr = new LineSplitter(lines);
        }

        @Override
        public void onNext(Frame frame) {
            String text = new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8);
            (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).accept(text);
        }

        void flush() {
            stdout.flush();
            stderr.flush();
        }
    }

    /** The engine's own sentence from "Status 409: {"message":"..."}". */
    static String engineMessage(DockerException e) {
        String m = messageOf(e).trim();
        int brace = m.indexOf('{');
        if (brace >= 0) {
            try {
                JsonNode node = JSON.readTree(m.substring(brace));
                if (node.hasNonNull("message")) {
                    return node.get("message").asText().trim();
                }
            } catch (IOException ignored) {
                // not JSON: keep the text
            }
        }
        return m.replaceFirst("^Status \\d+:\\s*", "");
    }

    static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof java.io.UncheckedIOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String messageOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                all.append(t.getMessage()).append(' ');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return all.toString();
    }

    /** " (what the innermost cause said)", or nothing when it said nothing useful. */
    private static String detail(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null || root.getMessage().isBlank() ? "" : " (" + root.getMessage() + ")";
    }

    /** The innermost cause's message, which is the one that says what happened. */
    static String shortMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void closeQuietly(Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing", e);
        }
    }
}
