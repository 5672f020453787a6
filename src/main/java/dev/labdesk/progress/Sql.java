package dev.labdesk.progress;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Small JDBC helpers shared by the table classes. */
final class Sql {

    private Sql() {
    }

    static void setText(PreparedStatement q, int index, String value) throws SQLException {
        if (value == null) {
            q.setNull(index, Types.VARCHAR);
        } else {
            q.setString(index, value);
        }
    }
}
