package dev.labdesk.cli;

import dev.labdesk.home.LabdeskHome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
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
            Path dir = LabdeskHome.resolve().ensure().logs();
            Path log = dir.resolve("labdesk0.log");
            Handler handler = new FileHandler(dir.resolve("labdesk%g.log").toString(), 5_000_000, 2, true);
            handler.setFormatter(new SimpleFormatter());
            root.addHandler(handler);
            file = log;
        } catch (IOException | RuntimeException e) {
            file = Path.of("(no log: " + e.getMessage() + ")");
        }
    }

    /** Where the log is written, for messages that point there. */
    public static Path file() {
        return file != null ? file : LabdeskHome.resolve().logs().resolve("labdesk0.log");
    }
}
