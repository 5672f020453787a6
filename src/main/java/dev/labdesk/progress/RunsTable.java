package dev.labdesk.progress;

import static dev.labdesk.progress.Sql.setText;

import dev.labdesk.check.CheckResult;
import dev.labdesk.kind.CheckStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SQL for {@code runs} and {@code check_results}; every method runs inside the caller's transaction. */
final class RunsTable {

    private static final String RUN_COLUMNS = "id, pack_id, pack_version, lab_id, mode, started_at, finished_at";

    private RunsTable() {
    }

    /** Inserts the run and its results; returns the run's id. */
    static long insert(Connection c, RunRecord run) throws SQLException {
        long runId;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO runs (pack_id, pack_version, lab_id, mode, started_at, finished_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, run.packId());
            insert.setString(2, run.packVersion());
            insert.setString(3, run.labId());
            insert.setString(4, run.mode().stored());
            insert.setLong(5, run.startedAt().toEpochMilli());
            insert.setLong(6, run.finishedAt().toEpochMilli());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                runId = rs.getLong(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO check_results (run_id, seq, check_id, status, expected, actual, evidence, hint, elapsed_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (CheckResult r : run.results()) {
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
    }

    static List<StoredRun> byId(Connection c, long id) throws SQLException {
        return query(c, "SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?", id);
    }

    static List<StoredRun> newest(Connection c, String packId, String labId, int limit) throws SQLException {
        return query(c, "SELECT " + RUN_COLUMNS + " FROM runs WHERE pack_id = ? AND lab_id = ?"
                + " ORDER BY finished_at DESC, id DESC LIMIT ?", packId, labId, limit);
    }

    /** Newest result per check id among runs of the given mode, sorted by check id. */
    static Map<String, LastResult> lastResults(Connection c, String packId, String labId, RunMode mode)
            throws SQLException {
        Map<String, LastResult> last = new TreeMap<>();
        // Rank on the keys only, then read the winning rows: ranking whole rows would drag every
        // stored evidence text of the lab through the window.
        try (PreparedStatement q = c.prepareStatement("""
                WITH ranked AS (
                    SELECT r.id,
                           row_number() OVER (PARTITION BY r.check_id
                                              ORDER BY u.finished_at DESC, u.id DESC, r.seq DESC) AS newest
                    FROM check_results r JOIN runs u ON u.id = r.run_id
                    WHERE u.pack_id = ? AND u.lab_id = ? AND u.mode = ?)
                SELECT u.id, u.pack_version, u.finished_at,
                       r.check_id, r.status, r.expected, r.actual, r.evidence, r.hint, r.elapsed_ms
                FROM ranked k JOIN check_results r ON r.id = k.id
                              JOIN runs u ON u.id = r.run_id
                WHERE k.newest = 1""")) {
            q.setString(1, packId);
            q.setString(2, labId);
            q.setString(3, mode.stored());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    CheckResult result = result(rs, 4);
                    last.put(result.id(), new LastResult(rs.getLong(1), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)), result));
                }
            }
        }
        return last;
    }

    private static List<StoredRun> query(Connection c, String sql, Object... args) throws SQLException {
        record Row(long id, String pack, String version, String lab, String mode, long started, long finished) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getLong(7)));
                }
            }
        }
        List<StoredRun> runs = new ArrayList<>(rows.size());
        try (PreparedStatement q = c.prepareStatement("SELECT check_id, status, expected, actual, evidence, hint, elapsed_ms"
                + " FROM check_results WHERE run_id = ? ORDER BY seq")) {
            for (Row row : rows) {
                q.setLong(1, row.id());
                List<CheckResult> results = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        results.add(result(rs, 1));
                    }
                }
                runs.add(new StoredRun(row.id(), new RunRecord(row.pack(), row.version(), row.lab(),
                        RunMode.fromStored(row.mode()), Instant.ofEpochMilli(row.started()),
                        Instant.ofEpochMilli(row.finished()), results)));
            }
        }
        return runs;
    }

    /** A result from seven columns starting at {@code col}: check_id, status, expected, actual, evidence, hint, elapsed_ms. */
    private static CheckResult result(ResultSet rs, int col) throws SQLException {
        return new CheckResult(rs.getString(col), CheckStatus.valueOf(rs.getString(col + 1)), rs.getString(col + 2),
                rs.getString(col + 3), rs.getString(col + 4), rs.getString(col + 5), rs.getLong(col + 6));
    }
}
