package dev.labdesk.progress;

import static dev.labdesk.progress.Sql.setText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * SQL for the append-only {@code completions} log (the newest event per lab and step is the state)
 * and the progress views built from it; every method runs inside the caller's transaction.
 */
final class CompletionsTable {

    private CompletionsTable() {
    }

    /** Appends a done/undone event unless the step (or lab, when {@code stepId} is null) is already in that state. */
    static void setDone(Connection c, String packId, String packVersion, String labId, String stepId, boolean done,
                        Instant at) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT done, pack_version FROM completions"
                + " WHERE pack_id = ? AND lab_id = ? AND step_id IS ? ORDER BY id DESC LIMIT 1")) {
            q.setString(1, packId);
            q.setString(2, labId);
            setText(q, 3, stepId);
            try (ResultSet rs = q.executeQuery()) {
                boolean current = rs.next() && rs.getInt(1) == 1;
                boolean sameVersion = current && packVersion.equals(rs.getString(2));
                if (done ? sameVersion : !current) {
                    return; // already in that state: keep the history free of repeats
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
            q.setLong(6, at.toEpochMilli());
            q.executeUpdate();
        }
    }

    /** Progress of every lab of the pack with anything recorded, or of {@code onlyLab} when it is not null. */
    static PackProgress progress(Connection c, String packId, String onlyLab, RunMode learnerMode) throws SQLException {
        String labFilter = onlyLab == null ? "" : " AND lab_id = ?2";
        Map<String, Completion> labDone = new TreeMap<>();
        Map<String, Map<String, Completion>> steps = new TreeMap<>();
        Map<String, Instant> lastRun = new TreeMap<>();
        // NULL step ids (the lab itself) group together.
        try (PreparedStatement q = c.prepareStatement("SELECT c.lab_id, c.step_id, c.pack_version, c.done, c.at"
                + " FROM completions c JOIN (SELECT max(id) AS id FROM completions WHERE pack_id = ?1" + labFilter
                + " GROUP BY lab_id, step_id) newest ON newest.id = c.id ORDER BY c.lab_id, c.step_id")) {
            bind(q, packId, onlyLab);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(4) != 1) {
                        continue;
                    }
                    String lab = rs.getString(1);
                    String step = rs.getString(2);
                    Completion done = new Completion(rs.getString(3), Instant.ofEpochMilli(rs.getLong(5)));
                    if (step == null) {
                        labDone.put(lab, done);
                    } else {
                        steps.computeIfAbsent(lab, k -> new LinkedHashMap<>()).put(step, done);
                    }
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT lab_id, max(finished_at) FROM runs WHERE pack_id = ?1"
                + labFilter + " AND mode = ?3 GROUP BY lab_id")) {
            bind(q, packId, onlyLab);
            q.setString(3, learnerMode.stored());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    lastRun.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
        }
        SortedSet<String> touched = new TreeSet<>(labDone.keySet());
        touched.addAll(steps.keySet());
        touched.addAll(lastRun.keySet());
        Map<String, LabProgress> labs = new LinkedHashMap<>();
        for (String lab : touched) {
            labs.put(lab, new LabProgress(packId, lab, Optional.ofNullable(labDone.get(lab)),
                    steps.getOrDefault(lab, Map.of()), Optional.ofNullable(lastRun.get(lab))));
        }
        return new PackProgress(packId, labs);
    }

    private static void bind(PreparedStatement q, String packId, String labId) throws SQLException {
        q.setString(1, packId);
        if (labId != null) {
            q.setString(2, labId);
        }
    }
}
