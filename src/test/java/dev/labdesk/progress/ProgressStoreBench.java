package dev.labdesk.progress;

import dev.labdesk.net.Redactor;
import dev.labdesk.check.CheckResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Latencies of the progress store on this machine's disk: {@code recordRun} (a realistic run of 5
 * to 24 results with up to 2 KB of evidence each), the reads the UI makes, and opening the file.
 * It also times {@link Redactor} on one run's evidence and, for reference, the same insert transaction over plain JDBC with synchronous=FULL
 * and NORMAL, which isolates what the fsync per commit costs (ADR 0030).
 *
 * <p>Run: {@code bench/progress-store.sh [RUNS]}.
 */
public final class ProgressStoreBench {

    private ProgressStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir = Files.createTempDirectory("labdesk-store-bench");
        Path file = dir.resolve("progress.db");
        System.out.println("progress store bench: " + runs + " runs in " + file);

        long[] record = new long[runs];
        try (ProgressStore store = ProgressStore.open(file)) {
            warmUp(store);
            for (int i = 0; i < runs; i++) {
                RunRecord run = CrashRuns.run(i);
                long t = System.nanoTime();
                store.recordRun(run);
                record[i] = System.nanoTime() - t;
            }
            print("recordRun (synchronous=FULL)", record);
            String lab = CrashRuns.LABS.get(1);
            print("runs(pack, lab, 20)", time(200, () -> store.runs(CrashRuns.PACK, lab, 20).size()));
            print("lastResults(pack, lab)", time(200, () -> store.lastResults(CrashRuns.PACK, lab).size()));
            print("packProgress(pack)", time(200, () -> store.packProgress(CrashRuns.PACK).labs().size()));
            print("savePosition", time(200, () -> store.savePosition(CrashRuns.PACK, "1", lab, "s", null).at().getNano()));
        }
        print("open (checks, quick_check) + close", time(20, () -> {
            ProgressStore.open(file).close();
            return 0;
        }));
        System.out.printf(Locale.ROOT, "file: %.1f MiB for %d runs%n", Files.size(file) / 1048576.0, runs);

        StringBuilder text = new StringBuilder();
        for (CheckResult r : CrashRuns.run(7).results()) {
            text.append(r.evidence()).append('\n');
        }
        String evidence = text.toString();
        long[] redact = time(500, () -> Redactor.redact(evidence).length());
        print("Redactor.redact, " + evidence.length() / 1024 + " KiB of evidence", redact);

        for (String sync : new String[] {"FULL", "NORMAL"}) {
            Path raw = dir.resolve("raw-" + sync + ".db");
            ProgressStore.open(raw).close(); // same schema
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + raw)) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA synchronous = " + sync);
                }
                long[] plain = new long[runs];
                for (int i = 0; i < runs; i++) {
                    RunRecord run = CrashRuns.stored(i);
                    long t = System.nanoTime();
                    insert(c, run);
                    plain[i] = System.nanoTime() - t;
                }
                print("plain JDBC insert, synchronous=" + sync, plain);
            }
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static void warmUp(ProgressStore store) {
        for (int i = 0; i < 50; i++) {
            store.recordRun(CrashRuns.run(1_000_000 + i));
        }
    }

    private static long[] time(int n, LongSupplier op) {
        long[] times = new long[n];
        long sink = 0;
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            sink += op.getAsLong();
            times[i] = System.nanoTime() - t;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return times;
    }

    private static void insert(Connection c, RunRecord run) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            long id;
            try (PreparedStatement q = c.prepareStatement("INSERT INTO runs (pack_id, pack_version, lab_id, mode,"
                    + " started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                q.setString(1, run.packId());
                q.setString(2, run.packVersion());
                q.setString(3, run.labId());
                q.setString(4, "check");
                q.setLong(5, run.startedAt().toEpochMilli());
                q.setLong(6, run.finishedAt().toEpochMilli());
                var rs = q.executeQuery();
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement q = c.prepareStatement("INSERT INTO check_results (run_id, seq, check_id,"
                    + " status, expected, actual, evidence, hint, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (CheckResult r : run.results()) {
                    q.setLong(1, id);
                    q.setInt(2, seq++);
                    q.setString(3, r.id());
                    q.setString(4, r.status().name());
                    q.setString(5, r.expected());
                    q.setString(6, r.actual());
                    q.setString(7, r.evidence());
                    q.setString(8, r.hint());
                    q.setLong(9, r.elapsedMs());
                    q.addBatch();
                }
                q.executeBatch();
            }
            s.execute("COMMIT");
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-40s p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (n=%d)%n", what,
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
}
