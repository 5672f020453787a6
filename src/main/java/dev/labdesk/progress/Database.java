package dev.labdesk.progress;

import dev.labdesk.progress.ProgressException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One SQLite connection with the settings the store relies on, explicit transactions with
 * retries on SQLITE_BUSY, schema migration, and SQLite errors turned into {@link ProgressException}s.
 */
final class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    private final ProgressStore.Options options;
    private Connection connection;

    private Database(Path file, ProgressStore.Options options, Connection connection) {
        this.file = file;
        this.options = options;
        this.connection = connection;
    }

    Path file() {
        return file;
    }

    static Database open(Path path, ProgressStore.Options options) {
        Path file = path.toAbsolutePath().normalize();
        checkHeader(file);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new ProgressException(Reason.CANNOT_WRITE, file, "cannot create the folder " + file.getParent()
                    + " for the progress database (" + e.getMessage() + ")", fixForWrite(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        Connection c;
        try {
            c = config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw translate(e, file, options);
        }
        Database db = new Database(file, options, c);
        try {
            db.configure();
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Read-only checks come first, so a file that is not ours, is newer or is damaged stays exactly
     * as it was. Then: WAL lets the CLI write while the app reads; synchronous=FULL fsyncs the WAL at
     * every commit, so a returned write survives power loss, not just a crash (ADR 0030); fullfsync
     * only matters on macOS, where plain fsync leaves data in the drive's cache.
     */
    private void configure() {
        attempt(c -> {
            exec(c, "PRAGMA busy_timeout = " + options.busyTimeout().toMillis());
            checkOwnership(c);
            List<String> check = pragmaLines(c, "quick_check");
            if (!check.equals(List.of("ok"))) {
                throw corrupt(file, String.join("; ", check.subList(0, Math.min(3, check.size()))), null);
            }
            String mode = pragmaLines(c, "journal_mode = WAL").get(0);
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new ProgressException(Reason.FAILED, file, "SQLite could not switch " + file
                        + " to write-ahead logging (journal mode stayed " + mode + ")",
                        "keep LABDESK_HOME on a local disk, not a network share", null);
            }
            exec(c, "PRAGMA synchronous = FULL");
            exec(c, "PRAGMA fullfsync = ON");
            exec(c, "PRAGMA foreign_keys = ON");
            return null;
        });
    }

    private void migrate() {
        int from = read(c -> pragmaInt(c, "user_version"));
        for (Schema.Migration m : Schema.MIGRATIONS) {
            if (m.version() <= from) {
                continue;
            }
            boolean migrated = write(c -> {
                // Re-read inside the write lock: another process may have migrated meanwhile.
                int version = checkOwnership(c);
                if (version >= m.version()) {
                    return false;
                }
                for (String sql : m.statements()) {
                    exec(c, sql);
                }
                exec(c, "PRAGMA application_id = " + Schema.APPLICATION_ID);
                exec(c, "PRAGMA user_version = " + m.version());
                return true;
            });
            if (migrated) {
                LOG.info(() -> "progress database " + file + " migrated to schema v" + m.version() + ": " + m.summary());
            }
        }
    }

    /**
     * Reads the application id, the schema version and the table count in one statement, so all
     * three come from the same snapshot: read one at a time, another process's first migration
     * could commit between them and make a fresh file look like a foreign database with tables.
     * Returns the schema version.
     */
    private int checkOwnership(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT application_id FROM pragma_application_id),"
                     + " (SELECT user_version FROM pragma_user_version),"
                     + " (SELECT count(*) FROM sqlite_schema WHERE type = 'table')")) {
            rs.next();
            int version = rs.getInt(2);
            checkOwnership(rs.getInt(1), version, rs.getInt(3));
            return version;
        }
    }

    private void checkOwnership(int appId, int version, int tables) {
        boolean ours = appId == Schema.APPLICATION_ID || appId == 0 && version == 0 && tables == 0;
        if (!ours) {
            throw notADatabase(file, "it is an SQLite database, but not one LabDesk created");
        }
        if (version > Schema.latest()) {
            throw new ProgressException(Reason.NEWER_SCHEMA, file, file + " was written by a newer LabDesk (progress schema v"
                    + version + "; this LabDesk reads up to v" + Schema.latest() + ")",
                    "update LabDesk; to keep using this version meanwhile, set LABDESK_HOME to another folder"
                            + " (the newer progress stays in " + file + ")", null);
        }
    }

    //**** Transactions ****//

    /** A read transaction: one consistent snapshot, never blocked by a writer in WAL mode. */
    <T> T read(Work<T> work) {
        return transaction("BEGIN", work);
    }

    /** A write transaction, durable when this returns. BEGIN IMMEDIATE takes the write lock up front,
     *  so the busy timeout applies and a read-to-write upgrade can never deadlock against another writer. */
    <T> T write(Work<T> work) {
        return transaction("BEGIN IMMEDIATE", work);
    }

    private synchronized <T> T transaction(String begin, Work<T> work) {
        return attempt(c -> {
            exec(c, begin);
            try {
                T result = work.run(c);
                exec(c, "COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        });
    }

    /** Runs {@code work}, trying again after SQLITE_BUSY; each try has already waited the busy timeout. */
    private synchronized <T> T attempt(Work<T> work) {
        if (connection == null) {
            throw new IllegalStateException("the progress store " + file + " is closed");
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                if (isBusy(e) && attempt < options.busyRetries()) {
                    LOG.fine(() -> "progress database busy, retrying: " + e.getMessage());
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(20_000_000L, 100_000_000L));
                    continue;
                }
                throw translate(e, file, options);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            exec(c, "ROLLBACK");
        } catch (SQLException ignored) {
            // No transaction was open (BEGIN itself failed), or SQLite already rolled it back.
        }
    }

    synchronized void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "closing the progress database " + file, e);
        } finally {
            connection = null;
        }
    }

    //**** Helpers ****//

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static List<String> pragmaLines(Connection c, String pragma) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    /** Refuses, before SQLite touches it, a file that is not an SQLite database at all. */
    private static void checkHeader(Path file) {
        if (Files.isDirectory(file)) {
            throw notADatabase(file, "it is a folder");
        }
        if (!Files.exists(file)) {
            return;
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int n;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ProgressException(Reason.CANNOT_WRITE, file, "cannot read " + file + " (" + e.getMessage() + ")",
                    fixForWrite(), e);
        }
        if (size == 0) {
            return; // an empty file holds no progress; SQLite initialises it
        }
        if (n < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
            throw notADatabase(file, "it does not start with the SQLite header");
        }
    }

    static boolean isBusy(SQLException e) {
        int code = baseCode(e);
        return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private static int baseCode(SQLException e) {
        if (e instanceof SQLiteException) {
            return ((SQLiteException) e).getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }

    static ProgressException translate(SQLException e, Path file, ProgressStore.Options options) {
        LOG.log(Level.WARNING, "progress database " + file + ": " + e.getMessage(), e);
        int code = baseCode(e);
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return notADatabase(file, "SQLite says: file is not a database");
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return corrupt(file, e.getMessage(), e);
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new ProgressException(Reason.BUSY, file, "another program kept " + file + " locked for more than "
                    + options.busyTimeout().toMillis() * (options.busyRetries() + 1) / 1000.0 + " s",
                    "wait for the running check to finish or close the other LabDesk window, then try again", e);
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return new ProgressException(Reason.CANNOT_WRITE, file, "the disk holding " + file + " is full",
                    "free some disk space and try again", e);
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_CANTOPEN.code
                || code == SQLiteErrorCode.SQLITE_PERM.code) {
            return new ProgressException(Reason.CANNOT_WRITE, file, "cannot open " + file + " for writing ("
                    + e.getMessage() + ")", fixForWrite(), e);
        }
        return new ProgressException(Reason.FAILED, file, "the progress database " + file + " failed: " + e.getMessage(),
                "try again; if it keeps failing, check the disk and the log in LABDESK_HOME/logs", e);
    }

    private static String fixForWrite() {
        return "make the folder writable, or set LABDESK_HOME to a folder you can write to";
    }

    private static ProgressException notADatabase(Path file, String why) {
        return new ProgressException(Reason.NOT_A_DATABASE, file, file + " is not a LabDesk progress database (" + why
                + "); LabDesk left it untouched",
                "move it aside (for example: mv \"" + file + "\" \"" + file + ".old\") and LabDesk will start a new,"
                        + " empty progress database; keep the old file if it holds progress you want back", null);
    }

    private static ProgressException corrupt(Path file, String detail, Throwable cause) {
        return new ProgressException(Reason.CORRUPT, file, file + " is damaged (" + detail + "); LabDesk left it untouched",
                "move it aside together with its -wal and -shm files (for example: mv \"" + file + "\" \"" + file
                        + ".damaged\") and LabDesk will start a new one; `sqlite3 " + file.getFileName()
                        + ".damaged .recover` may rescue the old progress", cause);
    }
}
