package dev.labdesk.progress;

import dev.labdesk.check.CheckResult;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.kind.CheckStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The learner's progress in one SQLite file. Open it with {@link #open(LabdeskHome)} (or any path),
 * keep it for the session and close it at the end; one instance is safe to share between threads,
 * and several processes (the CLI and the desktop app) may open the same file at once.
 *
 * <p>Every write method returns only after its transaction is committed and fsynced, so the UI may
 * say "saved" when it returns. Reads see every write committed before they start, from any process.
 * Times are UTC instants with millisecond precision.
 *
 * <p>Failures are {@link ProgressException}s carrying the fix; the file is never deleted or reset.
 */
public final class ProgressStore implements AutoCloseable {

    /**
     * @param busyTimeout how long one attempt waits for another process's write to finish
     * @param busyRetries extra attempts after a busy timeout, before giving up with {@link ProgressException.Reason#BUSY}
     * @param clock       stamps completions and positions (runs carry their own times)
     */
    public record Options(Duration busyTimeout, int busyRetries, Clock clock) {

        public Options {
            Objects.requireNonNull(busyTimeout, "busyTimeout");
            Objects.requireNonNull(clock, "clock");
            if (busyRetries < 0) {
                throw new IllegalArgumentException("busyRetries must be >= 0");
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), 2, Clock.systemUTC());
        }

        public Options withBusyTimeout(Duration timeout, int retries) {
            return new Options(timeout, retries, clock);
        }

        public Options withClock(Clock newClock) {
            return new Options(busyTimeout, busyRetries, newClock);
        }
    }

    private static final String LEARNER_MODE = RunMode.CHECK.stored();

    private final Database db;
    private final Clock clock;

    private ProgressStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    //**** Opening ****//

    /** Opens (creating it if needed) {@code LABDESK_HOME/progress.db}. */
    public static ProgressStore open(LabdeskHome home) {
        return open(home.progressDb());
    }

    public static ProgressStore open(Path file) {
        return open(file, Options.defaults());
    }

    /**
     * Opens the database at {@code file}, creating it (and its folder) when absent, checking it
     * and migrating its schema to this version's.
     *
     * @throws ProgressException when the file is not LabDesk's, is damaged, comes from a newer
     *                           LabDesk, cannot be written, or stays locked
     */
    public static ProgressStore open(Path file, Options options) {
        return new ProgressStore(Database.open(file, options), options.clock());
    }

    public Path file() {
        return db.file();
    }

    /** The schema version of the file, {@code PRAGMA user_version}. */
    public int schemaVersion() {
        return db.read(c -> Database.pragmaInt(c, "user_version"));
    }

    /** Runs SQLite's full {@code PRAGMA integrity_check}: {@code ["ok"]} when the file is sound. */
    public List<String> integrityCheck() {
        return db.read(c -> Database.pragmaLines(c, "integrity_check"));
    }

    /** The value of {@code PRAGMA name} on this store's own connection (settings are per connection); for tests and diagnostics. */
    List<String> pragma(String name) {
        return db.read(c -> Database.pragmaLines(c, name));
    }

    @Override
    public void close() {
        db.close();
    }

    //**** Runs ****//

    /**
     * Stores a run and all its results in one transaction, with secrets redacted from the results'
     * text ({@link Redactor}). Durable when it returns.
     *
     * @return the run as stored: its id and the redacted content
     */
    public StoredRun recordRun(RunRecord run) {
        RunRecord stored = redacted(run);
        long id = db.write(c -> {
            long runId;
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO runs (pack_id, pack_version, lab_id, mode, started_at, finished_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                insert.setString(1, stored.packId());
                insert.setString(2, stored.packVersion());
                insert.setString(3, stored.labId());
                insert.setString(4, stored.mode().stored());
                insert.setLong(5, stored.startedAt().toEpochMilli());
                insert.setLong(6, stored.finishedAt().toEpochMilli());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    runId = rs.getLong(1);
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO check_results (run_id, seq, check_id, status, expected, actual, evidence, hint, elapsed_ms)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (CheckResult r : stored.results()) {
                    insert.setLong(1, runId);
                    insert.setInt(2, seq++);
                    insert.setString(3, r.id());
                    insert.setString(4, r.status().name());
                    setText(insert, 5, r.expected());
                    setText(insert, 6, r.actual());
                    setText(insert, 7, r.evidence());
                    setText(insert, 8, r.hint());
                    insert.setLong(9, r.elapsedMs());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return runId;
        });
        return new StoredRun(id, stored);
    }

    /** One run with its results, by id. */
    public Optional<StoredRun> run(long id) {
        return db.read(c -> {
            List<StoredRun> runs = queryRuns(c, "SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?", id);
            return runs.stream().findFirst();
        });
    }

    /** The newest {@code limit} runs of a lab (every mode and pack version), newest first, with their results. */
    public List<StoredRun> runs(String packId, String labId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        return db.read(c -> queryRuns(c, "SELECT " + RUN_COLUMNS + " FROM runs WHERE pack_id = ? AND lab_id = ?"
                + " ORDER BY finished_at DESC, id DESC LIMIT ?", packId, labId, limit));
    }

    /**
     * The newest result of every check of a lab that the learner ran ({@link RunMode#CHECK} runs
     * only), under any version of the pack, keyed and sorted by check id. Checks a newer pack
     * version dropped still appear: the caller shows the ones its lab has.
     */
    public Map<String, LastResult> lastResults(String packId, String labId) {
        return db.read(c -> {
            Map<String, LastResult> last = new TreeMap<>();
            // Rank on the keys only, then read the winning rows: ranking whole rows would drag every
            // stored evidence text of the lab through the window.
            try (PreparedStatement q = c.prepareStatement("""
                    WITH ranked AS (
                        SELECT r.run_id, r.seq,
                               row_number() OVER (PARTITION BY r.check_id
                                                  ORDER BY u.finished_at DESC, u.id DESC, r.seq DESC) AS newest
                        FROM check_results r JOIN runs u ON u.id = r.run_id
                        WHERE u.pack_id = ? AND u.lab_id = ? AND u.mode = ?)
                    SELECT u.id, u.pack_version, u.finished_at,
                           r.check_id, r.status, r.expected, r.actual, r.evidence, r.hint, r.elapsed_ms
                    FROM ranked k JOIN check_results r ON r.run_id = k.run_id AND r.seq = k.seq
                                  JOIN runs u ON u.id = k.run_id
                    WHERE k.newest = 1""")) {
                q.setString(1, packId);
                q.setString(2, labId);
                q.setString(3, LEARNER_MODE);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        CheckResult result = result(rs, 4);
                        last.put(result.id(), new LastResult(rs.getLong(1), rs.getString(2),
                                Instant.ofEpochMilli(rs.getLong(3)), result));
                    }
                }
            }
            return last;
        });
    }

    //**** Completion ****//

    /** Marks a step done under the given pack version. Marking a done step again under the same version changes nothing. */
    public void markStepDone(String packId, String packVersion, String labId, String stepId) {
        setDone(packId, packVersion, labId, RunRecord.requireText(stepId, "stepId"), true);
    }

    /** Marks a step not done (the learner un-ticked it); its earlier completion stays in the history. */
    public void clearStepDone(String packId, String packVersion, String labId, String stepId) {
        setDone(packId, packVersion, labId, RunRecord.requireText(stepId, "stepId"), false);
    }

    /** Marks a lab done under the given pack version. Marking a done lab again under the same version changes nothing. */
    public void markLabDone(String packId, String packVersion, String labId) {
        setDone(packId, packVersion, labId, null, true);
    }

    /** Marks a lab not done (the learner reset it); its earlier completion stays in the history. */
    public void clearLabDone(String packId, String packVersion, String labId) {
        setDone(packId, packVersion, labId, null, false);
    }

    /** Completion of one lab across all versions of its pack. */
    public LabProgress labProgress(String packId, String labId) {
        return db.read(c -> progress(c, packId, labId)).lab(labId);
    }

    /** Completion of every lab of a pack that has anything recorded. */
    public PackProgress packProgress(String packId) {
        return db.read(c -> progress(c, packId, null));
    }

    /** The pack versions this learner has used, oldest first (from runs, completions and positions). */
    public List<String> packVersions(String packId) {
        return db.read(c -> {
            List<String> versions = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT pack_version FROM (
                        SELECT pack_version, started_at AS at FROM runs WHERE pack_id = ?1
                        UNION ALL SELECT pack_version, at FROM completions WHERE pack_id = ?1
                        UNION ALL SELECT pack_version, at FROM positions WHERE pack_id = ?1)
                    GROUP BY pack_version ORDER BY min(at), pack_version""")) {
                q.setString(1, packId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        versions.add(rs.getString(1));
                    }
                }
            }
            return versions;
        });
    }

    //**** Position ****//

    /** Remembers where the learner is in a lab (one position per lab; the newest wins). */
    public Position savePosition(String packId, String packVersion, String labId, String stepId, String anchor) {
        Position p = new Position(RunRecord.requireText(packId, "packId"), RunRecord.requireText(packVersion, "packVersion"),
                RunRecord.requireText(labId, "labId"), stepId, anchor, now());
        db.write(c -> {
            // REPLACE gives the row a new rowid, so rowid order is save order even when clocks tie.
            try (PreparedStatement q = c.prepareStatement("INSERT OR REPLACE INTO positions"
                    + " (pack_id, lab_id, pack_version, step_id, anchor, at) VALUES (?, ?, ?, ?, ?, ?)")) {
                q.setString(1, p.packId());
                q.setString(2, p.labId());
                q.setString(3, p.packVersion());
                setText(q, 4, p.stepId());
                setText(q, 5, p.anchor());
                q.setLong(6, p.at().toEpochMilli());
                q.executeUpdate();
            }
            return null;
        });
        return p;
    }

    /** Where the learner last was, in any pack: what "resume" opens. */
    public Optional<Position> lastPosition() {
        return position("", List.of());
    }

    /** Where the learner last was in this pack. */
    public Optional<Position> lastPosition(String packId) {
        return position("WHERE pack_id = ?", List.of(packId));
    }

    /** Where the learner last was in this lab. */
    public Optional<Position> lastPosition(String packId, String labId) {
        return position("WHERE pack_id = ? AND lab_id = ?", List.of(packId, labId));
    }

    //**** Internals ****//

    private static final String RUN_COLUMNS = "id, pack_id, pack_version, lab_id, mode, started_at, finished_at";

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    private static RunRecord redacted(RunRecord run) {
        List<CheckResult> results = new ArrayList<>(run.results().size());
        for (CheckResult r : run.results()) {
            results.add(new CheckResult(r.id(), r.status(), Redactor.redact(r.expected()), Redactor.redact(r.actual()),
                    Redactor.redact(r.evidence()), Redactor.redact(r.hint()), r.elapsedMs()));
        }
        return new RunRecord(run.packId(), run.packVersion(), run.labId(), run.mode(), run.startedAt(),
                run.finishedAt(), results);
    }

    private static List<StoredRun> queryRuns(Connection c, String sql, Object... args) throws SQLException {
        List<long[]> ids = new ArrayList<>();
        List<String[]> texts = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(new long[] {rs.getLong(1), rs.getLong(6), rs.getLong(7)});
                    texts.add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
        }
        List<StoredRun> runs = new ArrayList<>(ids.size());
        try (PreparedStatement q = c.prepareStatement("SELECT check_id, status, expected, actual, evidence, hint, elapsed_ms"
                + " FROM check_results WHERE run_id = ? ORDER BY seq")) {
            for (int i = 0; i < ids.size(); i++) {
                long[] n = ids.get(i);
                String[] t = texts.get(i);
                q.setLong(1, n[0]);
                List<CheckResult> results = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        results.add(result(rs, 1));
                    }
                }
                runs.add(new StoredRun(n[0], new RunRecord(t[0], t[1], t[2], RunMode.fromStored(t[3]),
                        Instant.ofEpochMilli(n[1]), Instant.ofEpochMilli(n[2]), results)));
            }
        }
        return runs;
    }

    /** A result from seven columns starting at {@code col}: check_id, status, expected, actual, evidence, hint, elapsed_ms. */
    private static CheckResult result(ResultSet rs, int col) throws SQLException {
        return new CheckResult(rs.getString(col), CheckStatus.valueOf(rs.getString(col + 1)), rs.getString(col + 2),
                rs.getString(col + 3), rs.getString(col + 4), rs.getString(col + 5), rs.getLong(col + 6));
    }

    private void setDone(String packId, String packVersion, String labId, String stepId, boolean done) {
        RunRecord.requireText(packId, "packId");
        RunRecord.requireText(packVersion, "packVersion");
        RunRecord.requireText(labId, "labId");
        long at = now().toEpochMilli();
        db.write(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT done, pack_version FROM completions"
                    + " WHERE pack_id = ? AND lab_id = ? AND step_id IS ? ORDER BY id DESC LIMIT 1")) {
                q.setString(1, packId);
                q.setString(2, labId);
                setText(q, 3, stepId);
                try (ResultSet rs = q.executeQuery()) {
                    boolean current = rs.next() && rs.getInt(1) == 1;
                    boolean sameVersion = current && packVersion.equals(rs.getString(2));
                    if (done ? sameVersion : !current) {
                        return null; // already in that state: keep the history free of repeats
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("INSERT INTO completions"
                    + " (pack_id, pack_version, lab_id, step_id, done, at) VALUES (?, ?, ?, ?, ?, ?)")) {
                q.setString(1, packId);
                q.setString(2, packVersion);
                q.setString(3, labId);
                setText(q, 4, stepId);
                q.setInt(5, done ? 1 : 0);
                q.setLong(6, at);
                q.executeUpdate();
            }
            return null;
        });
    }

    private static PackProgress progress(Connection c, String packId, String onlyLab) throws SQLException {
        String labFilter = onlyLab == null ? "" : " AND lab_id = ?2";
        Map<String, Optional<Completion>> labDone = new TreeMap<>();
        Map<String, Map<String, Completion>> steps = new TreeMap<>();
        Map<String, Instant> lastRun = new TreeMap<>();
        // The newest event per (lab, step) is the current state; NULL step ids group together (the lab itself).
        try (PreparedStatement q = c.prepareStatement("SELECT c.lab_id, c.step_id, c.pack_version, c.done, c.at"
                + " FROM completions c JOIN (SELECT max(id) AS id FROM completions WHERE pack_id = ?1" + labFilter
                + " GROUP BY lab_id, step_id) newest ON newest.id = c.id ORDER BY c.lab_id, c.step_id")) {
            bindPackLab(q, packId, onlyLab);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(4) != 1) {
                        continue;
                    }
                    String lab = rs.getString(1);
                    String step = rs.getString(2);
                    Completion done = new Completion(rs.getString(3), Instant.ofEpochMilli(rs.getLong(5)));
                    if (step == null) {
                        labDone.put(lab, Optional.of(done));
                    } else {
                        steps.computeIfAbsent(lab, k -> new LinkedHashMap<>()).put(step, done);
                    }
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT lab_id, max(finished_at) FROM runs WHERE pack_id = ?1"
                + labFilter + " AND mode = ?3 GROUP BY lab_id")) {
            bindPackLab(q, packId, onlyLab);
            q.setString(3, LEARNER_MODE);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    lastRun.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
        }
        TreeMap<String, LabProgress> labs = new TreeMap<>();
        for (String lab : union(labDone.keySet(), steps.keySet(), lastRun.keySet())) {
            labs.put(lab, new LabProgress(packId, lab, labDone.getOrDefault(lab, Optional.empty()),
                    steps.getOrDefault(lab, Map.of()), Optional.ofNullable(lastRun.get(lab))));
        }
        return new PackProgress(packId, labs);
    }

    private static void bindPackLab(PreparedStatement q, String packId, String labId) throws SQLException {
        q.setString(1, packId);
        if (labId != null) {
            q.setString(2, labId);
        }
    }

    @SafeVarargs
    private static SortedSet<String> union(Set<String>... sets) {
        SortedSet<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    private Optional<Position> position(String where, List<String> args) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT pack_id, pack_version, lab_id, step_id, anchor, at"
                    + " FROM positions " + where + " ORDER BY at DESC, rowid DESC LIMIT 1")) {
                for (int i = 0; i < args.size(); i++) {
                    q.setString(i + 1, args.get(i));
                }
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Position(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        });
    }

    private static void setText(PreparedStatement q, int index, String value) throws SQLException {
        if (value == null) {
            q.setNull(index, Types.VARCHAR);
        } else {
            q.setString(index, value);
        }
    }
}
