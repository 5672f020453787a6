package dev.labdesk.testing;

import dev.labdesk.docker.DockerJavaEngine;
import dev.labdesk.docker.EngineLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A dockerd of the test's own, for fault tests that must not disturb the shared engine: its own
 * socket, data, exec root and pidfile, vfs storage, no bridge and no iptables, and its own network
 * namespace (a dockerd started with --bridge=none deletes the host's docker0 interface otherwise).
 * Needs root, dockerd and unshare.
 */
public final class PrivateDockerd implements AutoCloseable {

    private final Path root;
    private final Process process;
    private final DockerJavaEngine engine;

    private PrivateDockerd(Path root, Process process) {
        this.root = root;
        this.process = process;
        this.engine = DockerJavaEngine.of(new EngineLocator(new EngineLocator.Env(
                Map.of("DOCKER_HOST", "unix://" + socket()), root, "Linux")));
    }

    public static PrivateDockerd start() throws IOException, InterruptedException {
        for (String tool : List.of("dockerd", "unshare")) {
            if (!onPath(tool)) {
                Gates.unavailable("labdesk.requireDocker", Boolean.getBoolean("labdesk.requireDocker"),
                        tool + " is not installed (apt-get install docker.io util-linux)", null);
            }
        }
        // Short path: a unix socket path must stay under ~100 bytes.
        Path root = Files.createTempDirectory(Path.of("/tmp"), "ldkdd");
        Files.writeString(root.resolve("daemon.json"), "{}");
        Process p = new ProcessBuilder("unshare", "--net", "--fork", "dockerd",
                "--host", "unix://" + root.resolve("d.sock"),
                "--data-root", root.resolve("data").toString(),
                "--exec-root", root.resolve("exec").toString(),
                "--pidfile", root.resolve("d.pid").toString(),
                "--config-file", root.resolve("daemon.json").toString(),
                "--bridge=none", "--iptables=false", "--ip-masq=false",
                "--storage-driver", "vfs", "--shutdown-timeout", "2")
                .redirectErrorStream(true).redirectOutput(root.resolve("dockerd.log").toFile()).start();
        PrivateDockerd d = new PrivateDockerd(root, p);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!d.engine.discover().available()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String log = Files.readString(root.resolve("dockerd.log"));
                d.close();
                throw new IllegalStateException("private dockerd did not start:\n" + log);
            }
            Thread.sleep(200);
        }
        return d;
    }

    public Path socket() {
        return root.resolve("d.sock");
    }

    public DockerJavaEngine engine() {
        return engine;
    }

    /** Sends SIGTERM to dockerd itself, as `systemctl stop docker` does; returns at once. */
    public void stopDaemon() throws IOException {
        long pid = Long.parseLong(Files.readString(root.resolve("d.pid")).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        engine.close();
        if (Files.exists(root.resolve("d.pid"))) {
            stopDaemon();
        }
        process.descendants().forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        // Whatever dockerd left mounted under its roots goes before the files do.
        List<String> mounts;
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/mounts"))) {
            mounts = lines.map(l -> l.split(" ")[1]).filter(m -> m.startsWith(root.toString())).sorted(Comparator.reverseOrder()).toList();
        }
        for (String m : mounts) {
            new ProcessBuilder("umount", "-l", m).inheritIO().start().waitFor();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }
}
