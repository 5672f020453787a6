package dev.labdesk.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where LabDesk keeps the learner's data: the progress database, workspaces, logs and settings.
 * {@code LABDESK_HOME} (or {@code -Dlabdesk.home}) overrides the platform's user data folder.
 */
public record LabdeskHome(Path root) {

    public static LabdeskHome resolve() {
        String prop = System.getProperty("labdesk.home");
        if (prop != null && !prop.isBlank()) {
            return new LabdeskHome(Path.of(prop));
        }
        String env = System.getenv("LABDESK_HOME");
        if (env != null && !env.isBlank()) {
            return new LabdeskHome(Path.of(env));
        }
        return new LabdeskHome(platformDefault());
    }

    static Path platformDefault() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path user = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : user.resolve("AppData").resolve("Roaming")).resolve("LabDesk");
        }
        if (os.contains("mac")) {
            return user.resolve("Library").resolve("Application Support").resolve("LabDesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : user.resolve(".local").resolve("share")).resolve("labdesk");
    }

    public Path progressDb() {
        return root.resolve("progress.db");
    }

    public Path workspaces() {
        return root.resolve("workspaces");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path settings() {
        return root.resolve("settings.json");
    }

    /** Creates the folder (and logs/) if needed. */
    public LabdeskHome ensure() throws IOException {
        Files.createDirectories(root);
        Files.createDirectories(logs());
        return this;
    }
}
