package dev.labdesk.progress;

import static dev.labdesk.progress.Sql.setText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for {@code positions}: one row per lab; every method runs inside the caller's transaction. */
final class PositionsTable {

    private PositionsTable() {
    }

    static void save(Connection c, Position p) throws SQLException {
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
    }

    /** The newest position matching {@code where} (empty, or a WHERE clause over pack_id and lab_id). */
    static Optional<Position> newest(Connection c, String where, List<String> args) throws SQLException {
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
    }
}
