package dev.labdesk.bench;

import dev.labdesk.docker.DockerBuildAction;
import dev.labdesk.docker.DockerEngine;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.KindContext;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackLoader;
import dev.labdesk.pack.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds one context N times through {@code lab:docker-build} (no cache), after one warm-up build,
 * and prints each build's wall time in milliseconds, one per line. Usage:
 * {@code DockerBuildBench CONTEXT_DIR TAG COUNT} (the lab label is {@code bench/docker-build}).
 */
public final class DockerBuildBench {

    private DockerBuildBench() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING); // numbers only on the terminal
        Path context = Path.of(args[0]).toAbsolutePath();
        String tag = args[1];
        int count = Integer.parseInt(args[2]);
        Path packDir = Files.createTempDirectory("labdesk-bench");
        Files.writeString(packDir.resolve("pack.yaml"), "id: bench\ntitle: Bench\nversion: '1'\n");
        Files.writeString(packDir.resolve("01-docker-build.md"), String.join("\n", "---", "id: docker-build", "title: Build", "---",
                "## Build", "```lab:docker-build", "id: build", "context: .", "tag: " + tag, "noCache: true", "```", ""));
        Pack pack = PackLoader.load(packDir, new Problems());
        Lab lab = pack.labs().get(0);
        Block.Action action = lab.actions().get(0);
        KindRegistry registry = KindRegistry.load();
        DockerBuildAction build = new DockerBuildAction();
        KindContext ctx = new KindContext() {
            @Override
            public Pack pack() {
                return pack;
            }

            @Override
            public Lab lab() {
                return lab;
            }

            @Override
            public Path workspace() {
                return context;
            }

            @Override
            public boolean trusted() {
                return false;
            }

            @Override
            public Cancellation cancellation() {
                return new Cancellation();
            }

            @Override
            public <T> T service(Class<T> type) {
                return registry.service(type);
            }
        };
        try {
            boolean trace = System.getenv("LABDESK_BENCH_TRACE") != null;
            for (int i = 0; i <= count; i++) {
                long start = System.nanoTime();
                ActionListener events = !trace ? ActionListener.NONE : new ActionListener() {
                    @Override
                    public void log(String line) {
                        System.err.printf(Locale.ROOT, "%6d ms  %s%n", (System.nanoTime() - start) / 1_000_000, line);
                    }

                    @Override
                    public void progress(double fraction, String label) {
                    }
                };
                ActionOutcome r = build.run(action, ctx, events);
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (!r.ok()) {
                    System.err.println("build failed: " + r.message());
                    System.exit(1);
                }
                if (i > 0) { // the first build warms up the JVM and the connection
                    System.out.println(ms);
                } else {
                    System.err.printf(Locale.ROOT, "warm-up build: %d ms (%s)%n", ms, registry.service(DockerEngine.class).info().endpoint());
                }
            }
        } finally {
            registry.closeServices();
            try (var files = Files.walk(packDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
