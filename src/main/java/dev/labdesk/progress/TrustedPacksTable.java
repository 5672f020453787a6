package dev.labdesk.progress;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code trusted_packs}: one row per pack id and folder; every method runs inside the caller's transaction. */
final class TrustedPacksTable {

    private static final String COLUMNS = "pack_id, folder, fingerprint, trusted_at";

    private TrustedPacksTable() {
    }

    /** Trusting again replaces the earlier decision for that pack and folder: only the newest content counts. */
    static void save(Connection c, TrustedPack t) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("INSERT OR REPLACE INTO trusted_packs (" + COLUMNS
                + ") VALUES (?, ?, ?, ?)")) {
            q.setString(1, t.packId());
            q.setString(2, t.folder().toString());
            q.setString(3, t.fingerprint());
            q.setLong(4, t.trustedAt().toEpochMilli());
            q.executeUpdate();
        }
    }

    static Optional<TrustedPack> find(Connection c, String packId, Path folder) throws SQLException {
        List<TrustedPack> found = query(c, "WHERE pack_id = ? AND folder = ?", packId, folder.toString());
        return found.stream().findFirst();
    }

    /** Every decision, by pack id, then folder. */
    static List<TrustedPack> all(Connection c) throws SQLException {
        return query(c, "");
    }

    /** Forgets every decision about {@code folder}, whatever pack id it was made for; returns what it forgot. */
    static List<TrustedPack> deleteFolder(Connection c, Path folder) throws SQLException {
        List<TrustedPack> gone = query(c, "WHERE folder = ?", folder.toString());
        try (PreparedStatement q = c.prepareStatement("DELETE FROM trusted_packs WHERE folder = ?")) {
            q.setString(1, folder.toString());
            q.executeUpdate();
        }
        return gone;
    }

    private static List<TrustedPack> query(Connection c, String where, String... args) throws SQLException {
        List<TrustedPack> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM trusted_packs " + where
                + " ORDER BY pack_id, folder")) {
            for (int i = 0; i < args.length; i++) {
                q.setString(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new TrustedPack(rs.getString(1), Path.of(rs.getString(2)), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        }
        return out;
    }
}
