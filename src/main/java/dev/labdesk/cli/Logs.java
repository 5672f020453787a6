package dev.labdesk.cli;

import dev.labdesk.home.LabdeskHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends logs to {@code LABDESK_HOME/logs/labdesk.log} and keeps the terminal for results:
 * library chatter and stack traces go to the file, never to the user's screen.
 */
public final class Logs {

    private static volatile Path file;

    private Logs() {
    }

    public static synchronized void init() {
        if (file != null || System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        try {
            Path dir = LabdeskHome.resolve().logs();
            file = dir.resolve("labdesk0.log");
            root.addHandler(new LazyFileHandler(dir));
        } catch (RuntimeException e) {
            file = Path.of("(no log: " + e.getMessage() + ")");
        }
    }

    /**
     * Opens the log file on the first record. Most CLI runs log nothing, and opening a rotating
     * file handler (lock file, folders) was a tenth of {@code labdesk validate}'s start-up.
     */
    private static final class LazyFileHandler extends Handler {
        private final Path dir;
        private Handler target;
        private boolean failed;

        LazyFileHandler(Path dir) {
            this.dir = dir;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            if (target == null && !failed) {
                try {
                    Files.createDirectories(dir);
                    Handler handler = new FileHandler(dir.resolve("labdesk%g.log").toString(), 5_000_000, 2, true);
                    handler.setFormatter(new SimpleFormatter());
                    target = handler;
                } catch (IOException | RuntimeException e) {
                    failed = true;
                    file = Path.of("(no log: " + e.getMessage() + ")");
                }
            }
            if (target != null) {
                target.publish(record);
            }
        }

        @Override
        public synchronized void flush() {
            if (target != null) {
                target.flush();
            }
        }

        @Override
        public synchronized void close() {
            if (target != null) {
                target.close();
            }
        }
    }

    /** Where the log is written, for messages that point there. */
    public static Path file() {
        return file != null ? file : LabdeskHome.resolve().logs().resolve("labdesk0.log");
    }
}
