package dev.labdesk.progress;

import dev.labdesk.check.CheckResult;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.stream.Stream;

/**
 * The child process of the crash harness. It warms up (loads SQLite and the store's classes
 * on a scratch database, never the real one), prints {@code ready}, and waits for {@code go} on stdin. Then it
 * opens the store, prints {@code open}, and stores runs first, first+1, ... in a loop: {@code begin N}
 * before each {@code recordRun}, {@code ack N RUN_ID CHECK_IDS} after it returned. Each line is one
 * write(2), so a kill never leaves a torn line that looks complete.
 *
 * <p>Usage: {@code java -cp ... dev.labdesk.progress.CrashWriter DB FIRST_N [COUNT]}. With COUNT it
 * stops after that many runs; without, it runs until killed, or until its stdin closes, so it never
 * outlives a parent that died.
 */
public final class CrashWriter {

    private static final long MAX_RUNS = 10_000;

    private CrashWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path db = Path.of(args[0]);
        long first = Long.parseLong(args[1]);
        long count = args.length > 2 ? Long.parseLong(args[2]) : MAX_RUNS;
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);

        warmUp();
        line(out, "ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"go".equals(in.readLine())) {
            return;
        }
        Thread orphanGuard = new Thread(() -> {
            try {
                while (in.readLine() != null) {
                    // the parent sends nothing more; wait for EOF
                }
            } catch (IOException ignored) {
                // treat as EOF
            }
            Runtime.getRuntime().halt(3);
        }, "orphan-guard");
        orphanGuard.setDaemon(true);
        orphanGuard.start();

        try (ProgressStore store = ProgressStore.open(db)) {
            line(out, "open");
            for (long n = first; n < first + count; n++) {
                line(out, "begin " + n);
                StoredRun saved = store.recordRun(CrashRuns.run(n));
                StringBuilder ack = new StringBuilder("ack ").append(n).append(' ').append(saved.id()).append(' ');
                for (CheckResult r : saved.run().results()) {
                    ack.append(r.id()).append(',');
                }
                ack.setLength(ack.length() - 1);
                line(out, ack.toString());
            }
        }
    }

    /**
     * Loads the native library and every class a write needs, and runs the write path once, on a
     * scratch database in the temp folder: JVM start-up stays off the parent's clock.
     */
    private static void warmUp() throws IOException {
        Path scratch = Files.createTempDirectory("warm");
        try (ProgressStore store = ProgressStore.open(scratch.resolve("warm.db"))) {
            store.recordRun(CrashRuns.run(0));
            store.run(1);
        }
        try (Stream<Path> files = Files.list(scratch)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(scratch);
    }

    private static void line(FileOutputStream out, String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
