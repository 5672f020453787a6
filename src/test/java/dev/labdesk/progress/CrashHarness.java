package dev.labdesk.progress;

import dev.labdesk.check.CheckResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Kills child JVMs ({@link CrashWriter}) with SIGKILL while they write runs to one database, then
 * proves the database opens, passes {@code PRAGMA integrity_check}, and holds every run (and every
 * result) whose {@code recordRun} had returned, byte for byte.
 *
 * <p>Each kill waits for a random number of acknowledged writes (0 to 2), then a random delay up
 * to twice the mean write time, so most kills land inside a write; one in ten lands while the
 * child opens the database (recovery, schema check). After every kill the harness opens the
 * database afresh, as a learner restarting LabDesk would, with no other connection alive. The next
 * two children start their JVMs meanwhile but open the database only when told to.
 *
 * <p>Run standalone: {@code bench/crash-safety.sh [KILLS]}.
 */
public final class CrashHarness {

    /** What a run of the harness found. */
    public record Figures(long seed, int kills, int sigkillExits, int killsInsideWrite, int killsDuringOpen, long ackedRuns,
                          long ackedResults, long runsInDb, long committedNotAcked, long lostOrChanged,
                          long wrongContent, List<String> integrity, long dbBytes, double meanWriteMs,
                          Duration elapsed) {

        public String summary() {
            return String.format(Locale.ROOT, """
                    seed                            %d
                    kills (SIGKILL)                 %d (child exit 137: %d)
                    kills inside recordRun          %d
                    kills before the store was open %d
                    acknowledged runs / results     %d / %d
                    runs in DB afterwards           %d (committed but not acknowledged: %d)
                    acknowledged runs lost/changed  %d
                    runs with wrong content         %d
                    PRAGMA integrity_check          %s
                    DB size                         %.1f MiB
                    mean recordRun (as seen)        %.1f ms
                    elapsed                         %.1f s (%.0f ms per kill)""",
                    seed, kills, sigkillExits, killsInsideWrite, killsDuringOpen, ackedRuns, ackedResults, runsInDb,
                    committedNotAcked, lostOrChanged, wrongContent, String.join("; ", integrity),
                    dbBytes / 1048576.0, meanWriteMs, elapsed.toMillis() / 1000.0,
                    (double) elapsed.toMillis() / Math.max(1, kills));
        }
    }

    private record Ack(long n, long runId, List<String> checkIds) {
    }

    private static final long RUNS_PER_CHILD = 100_000;
    private static final long LINE_TIMEOUT_S = 120;
    private static final int PRESTARTED = 2;

    private final Path db;
    private final Path work;
    private final long seed;
    private final Random random;
    private final List<String> childCommand;
    private int childCount;

    private CrashHarness(Path db, Path work, long seed) throws IOException {
        this.db = db;
        this.work = work;
        this.seed = seed;
        this.random = new Random(seed);
        this.childCommand = childCommand(work);
    }

    /** Runs {@code kills} kill-and-reopen cycles on {@code db}; {@code work} holds the children's scratch files. */
    public static Figures run(Path db, Path work, int kills, long seed, Consumer<String> progress)
            throws IOException, InterruptedException {
        return new CrashHarness(db, work, seed).run(kills, progress);
    }

    private Figures run(int kills, Consumer<String> progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Map<Long, Ack> acked = new LinkedHashMap<>();
        int sigkills = 0;
        int insideWrite = 0;
        int duringOpen = 0;
        long lost = 0;
        long writeNanos = 0;
        long writes = 0;
        // Children boot ahead (JVM start-up is most of the cost of a kill) but open the database only on "go".
        Deque<Child> booting = new ArrayDeque<>();
        for (int k = 0; k < Math.min(PRESTARTED, kills); k++) {
            booting.add(startChild());
        }
        Child child = null;
        try {
            for (int i = 0; i < kills; i++) {
                child = booting.remove();
                child.awaitLine("ready");
                if (i + booting.size() + 1 < kills) {
                    booting.add(startChild());
                }
                child.go();

                boolean killDuringOpen = random.nextInt(10) == 0;
                if (killDuringOpen) {
                    LockSupport.parkNanos(random.nextInt(40_000_000));
                } else {
                    int acksBeforeKill = random.nextInt(3);
                    child.awaitBegins(acksBeforeKill + 1);
                    long mean = writes == 0 ? 5_000_000 : writeNanos / writes;
                    LockSupport.parkNanos((long) (random.nextDouble() * 2 * mean));
                }
                child.process.destroyForcibly();
                if (!child.process.waitFor(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("child " + child.process.pid() + " survived SIGKILL for 60 s");
                }
                sigkills += child.process.exitValue() == 137 ? 1 : 0;
                child.drain();
                insideWrite += child.lastLineIsBegin() ? 1 : 0;
                duringOpen += child.opened ? 0 : 1;
                writeNanos += child.writeNanos;
                writes += child.acks.size();

                // A learner restarts LabDesk: the store must open and show every acknowledged run.
                try (ProgressStore store = ProgressStore.open(db)) {
                    for (Ack ack : child.acks) {
                        acked.put(ack.runId(), ack);
                        if (!matches(store, ack)) {
                            lost++;
                        }
                    }
                }
                if (progress != null && (i + 1) % 50 == 0) {
                    progress.accept((i + 1) + " kills, " + acked.size() + " acknowledged runs, "
                            + (System.nanoTime() - start) / 1_000_000 + " ms");
                }
            }
        } finally {
            // On failure, leave no child behind (those not yet told "go" would also exit at our end).
            if (child != null) {
                child.process.destroyForcibly();
            }
            booting.forEach(c -> c.process.destroyForcibly());
        }

        List<String> integrity;
        long runsInDb = 0;
        long wrong = 0;
        long ackedResults = 0;
        try (ProgressStore store = ProgressStore.open(db)) {
            integrity = store.integrityCheck();
            Set<Long> seen = new HashSet<>();
            for (String lab : CrashRuns.LABS) {
                for (StoredRun run : store.runs(CrashRuns.PACK, lab, Integer.MAX_VALUE)) {
                    runsInDb++;
                    seen.add(run.id());
                    // Every run present, acknowledged or not, must be whole: a transaction is all or nothing.
                    if (!run.run().equals(CrashRuns.stored(CrashRuns.numberOf(run.run())))) {
                        wrong++;
                    }
                }
            }
            for (Ack ack : acked.values()) {
                ackedResults += ack.checkIds().size();
                if (!seen.contains(ack.runId()) || !matches(store, ack)) {
                    lost++;
                }
            }
        }
        long bytes = Files.size(db) + sizeIfExists(Path.of(db + "-wal"));
        return new Figures(seed, kills, sigkills, insideWrite, duringOpen, acked.size(), ackedResults, runsInDb,
                runsInDb - acked.size(), lost, wrong, integrity, bytes,
                writes == 0 ? 0 : writeNanos / (double) writes / 1e6, Duration.ofNanos(System.nanoTime() - start));
    }

    private static boolean matches(ProgressStore store, Ack ack) {
        return store.run(ack.runId()).map(stored -> {
            RunRecord expected = CrashRuns.stored(ack.n());
            List<String> ids = stored.run().results().stream().map(CheckResult::id).toList();
            return stored.run().equals(expected) && ids.equals(ack.checkIds());
        }).orElse(false);
    }

    private static long sizeIfExists(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    //**** Children ****//

    private Child startChild() throws IOException {
        List<String> command = new ArrayList<>(childCommand);
        command.add(db.toString());
        command.add(Long.toString(childCount++ * RUNS_PER_CHILD));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("children-stderr.log").toFile()));
        return new Child(pb.start());
    }

    /**
     * A lean JVM: C1 only with one compiler thread, serial GC, small heap and code cache, no perf-data file (it would be left behind in /tmp
     * by every kill), SQLite's native library pre-extracted (the driver otherwise copies a fresh one
     * into the temp folder at every start, and a killed JVM never deletes it), and an application
     * class-data archive made by one training run, which cuts the class loading every child repeats.
     */
    private static List<String> childCommand(Path work) throws IOException {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=16m",
                "-XX:+UseSerialGC", "-Xmx64m", "-Xss256k", "-XX:-UsePerfData",
                // sqlite-jdbc builds a date formatter per connection; the CLDR locale data behind it costs ~60 ms of CPU
                "-Djava.locale.providers=COMPAT",
                "-Djava.util.logging.config.file=" + Files.writeString(work.resolve("child-logging.properties"),
                        "handlers=java.util.logging.ConsoleHandler\n.level=WARNING\n"),
                "-Djava.io.tmpdir=" + tmp));
        Path nativeLib = extractSqliteLibrary(work);
        if (nativeLib != null) {
            cmd.add("-Dorg.sqlite.lib.path=" + nativeLib.getParent());
            cmd.add("-Dorg.sqlite.lib.name=" + nativeLib.getFileName());
        }
        // Class-data sharing needs jars, not folders: pack the compiled classes into one.
        Path jar = work.resolve("crash-child.jar");
        jarOf(jar, Path.of(location(ProgressStore.class)), Path.of(location(CrashWriter.class)));
        List<String> classpath = List.of("-cp", jar + java.io.File.pathSeparator + location(org.sqlite.JDBC.class),
                CrashWriter.class.getName());
        Path archive = work.resolve("crash-child.jsa");
        List<String> training = new ArrayList<>(cmd);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        training.addAll(classpath);
        training.addAll(List.of(work.resolve("training.db").toString(), "0", "2"));
        if (train(training, work) && Files.exists(archive)) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        }
        cmd.addAll(classpath);
        return cmd;
    }

    /** One child that writes two runs to a scratch database and exits normally, so the JVM can dump its classes. */
    private static boolean train(List<String> command, Path work) throws IOException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("children-stderr.log").toFile())).start();
        try {
            p.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush(); // stdin stays open: the child would stop at its end
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            p.destroyForcibly();
        }
    }

    private static void jarOf(Path jar, Path... folders) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Set<String> added = new HashSet<>();
            for (Path folder : folders) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(folder)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    String name = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    if (added.add(name)) {
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
        }
    }

    private static Path extractSqliteLibrary(Path work) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null; // the driver extracts it into the child's temp folder instead
            }
            Path target = Files.createDirectories(work.resolve("native")).resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One child process and what it printed. */
    private static final class Child {
        private static final String EOF = "\0eof";

        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<Ack> acks = new ArrayList<>();
        String last = "";
        boolean opened;
        long begins;
        long beganAt;
        long writeNanos;

        Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process died; what was read is all there is
                }
                lines.add(EOF);
            }, "crash-child-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        void go() {
            try {
                OutputStream in = process.getOutputStream();
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush(); // and keep stdin open: the child exits when it closes
            } catch (IOException e) {
                throw new UncheckedIOException("child " + process.pid() + " is gone before 'go'", e);
            }
        }

        void awaitLine(String wanted) throws InterruptedException {
            while (!wanted.equals(last)) {
                if (!take()) {
                    throw new IllegalStateException("child ended before printing '" + wanted + "'");
                }
            }
        }

        void awaitBegins(long count) throws InterruptedException {
            while (begins < count) {
                if (!take()) {
                    throw new IllegalStateException("child ended after " + begins + " writes; see children-stderr.log");
                }
            }
        }

        /** Reads what the dead child printed before it died, up to the pipe's end. */
        void drain() throws InterruptedException {
            while (take()) {
                // handled in take()
            }
        }

        boolean lastLineIsBegin() {
            return last.startsWith("begin ");
        }

        private boolean take() throws InterruptedException {
            String line = lines.poll(LINE_TIMEOUT_S, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("child " + process.pid() + " printed nothing for " + LINE_TIMEOUT_S + " s");
            }
            if (line == EOF) {
                lines.add(EOF);
                return false;
            }
            last = line;
            if (line.equals("open")) {
                opened = true;
            } else if (line.startsWith("begin ")) {
                begins++;
                beganAt = System.nanoTime();
            } else if (line.startsWith("ack ")) {
                writeNanos += System.nanoTime() - beganAt;
                String[] parts = line.split(" ");
                acks.add(new Ack(Long.parseLong(parts[1]), Long.parseLong(parts[2]), List.of(parts[3].split(","))));
            }
            return true;
        }
    }

    //**** Standalone ****//

    /** {@code CrashHarness [KILLS [DIR]]}: prints the figures; exit 1 when a check failed. */
    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("labdesk-crash");
        Files.createDirectories(dir);
        Path db = dir.resolve("progress.db");
        if (Files.exists(db)) {
            throw new IllegalArgumentException(db + " exists; give an empty folder");
        }
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("crash harness: " + kills + " kills on " + db + " (seed " + seed + ")");
        Figures f = run(db, dir, kills, seed, System.out::println);
        System.out.println(f.summary());
        boolean ok = f.lostOrChanged() == 0 && f.wrongContent() == 0 && f.integrity().equals(List.of("ok"))
                && f.sigkillExits() == f.kills();
        System.out.println(ok ? "PASS" : "FAIL");
        System.exit(ok ? 0 : 1);
    }
}
