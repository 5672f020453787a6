package dev.labdesk.progress;

import dev.labdesk.net.Redactor;
import dev.labdesk.check.CheckResult;
import dev.labdesk.home.LabdeskHome;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /** The runs that are the learner's own work; see {@link RunMode}. */
    private static final RunMode LEARNER_MODE = RunMode.CHECK;

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
        long id = db.write(c -> RunsTable.insert(c, stored));
        return new StoredRun(id, stored);
    }

    /** One run with its results, by id. */
    public Optional<StoredRun> run(long id) {
        return db.read(c -> RunsTable.byId(c, id).stream().findFirst());
    }

    /** The newest {@code limit} runs of a lab (every mode and pack version), newest first, with their results. */
    public List<StoredRun> runs(String packId, String labId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        return db.read(c -> RunsTable.newest(c, packId, labId, limit));
    }

    /**
     * The newest result of every check of a lab that the learner ran ({@link RunMode#CHECK} runs
     * only), under any version of the pack, keyed and sorted by check id. Checks a newer pack
     * version dropped still appear: the caller shows the ones its lab has.
     */
    public Map<String, LastResult> lastResults(String packId, String labId) {
        return db.read(c -> RunsTable.lastResults(c, packId, labId, LEARNER_MODE));
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
        return db.read(c -> CompletionsTable.progress(c, packId, labId, LEARNER_MODE)).lab(labId);
    }

    /** Completion of every lab of a pack that has anything recorded. */
    public PackProgress packProgress(String packId) {
        return db.read(c -> CompletionsTable.progress(c, packId, null, LEARNER_MODE));
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
            PositionsTable.save(c, p);
            return null;
        });
        return p;
    }

    /** Where the learner last was, in any pack: what "resume" opens. */
    public Optional<Position> lastPosition() {
        return db.read(c -> PositionsTable.newest(c, "", List.of()));
    }

    /** Where the learner last was in this pack. */
    public Optional<Position> lastPosition(String packId) {
        return db.read(c -> PositionsTable.newest(c, "WHERE pack_id = ?", List.of(packId)));
    }

    /** Where the learner last was in this lab. */
    public Optional<Position> lastPosition(String packId, String labId) {
        return db.read(c -> PositionsTable.newest(c, "WHERE pack_id = ? AND lab_id = ?", List.of(packId, labId)));
    }

    //**** Trusted packs ****//

    /**
     * Remembers that the user lets the pack {@code packId} in {@code folder} run commands, as long as its
     * content hashes to {@code fingerprint}. Replaces an earlier decision for the same pack and folder.
     *
     * @param folder the pack's absolute real folder: a copy elsewhere is a different decision
     */
    public TrustedPack trustPack(String packId, Path folder, String fingerprint) {
        TrustedPack t = new TrustedPack(packId, folder, fingerprint, now());
        db.write(c -> {
            TrustedPacksTable.save(c, t);
            return null;
        });
        return t;
    }

    /** The user's decision about this pack in this folder, if they made one. */
    public Optional<TrustedPack> trustedPack(String packId, Path folder) {
        return db.read(c -> TrustedPacksTable.find(c, packId, folder));
    }

    /** Every pack the user trusted, by pack id, then folder. */
    public List<TrustedPack> trustedPacks() {
        return db.read(TrustedPacksTable::all);
    }

    /** Forgets every decision about {@code folder} (whatever pack id it named); returns what it forgot. */
    public List<TrustedPack> revokeTrust(Path folder) {
        return db.write(c -> TrustedPacksTable.deleteFolder(c, folder));
    }

    //**** Internals ****//

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    private void setDone(String packId, String packVersion, String labId, String stepId, boolean done) {
        RunRecord.requireText(packId, "packId");
        RunRecord.requireText(packVersion, "packVersion");
        RunRecord.requireText(labId, "labId");
        Instant at = now();
        db.write(c -> {
            CompletionsTable.setDone(c, packId, packVersion, labId, stepId, done, at);
            return null;
        });
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
}
