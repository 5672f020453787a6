package dev.labdesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;

/** Starts the desktop app, or explains why it cannot (no display) and what to use instead. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /** Blocks until the window closes; returns the process exit code. */
    public static int launch(String[] args) {
        Path target = args.length > 0 ? Path.of(args[0]) : Path.of(".");
        if (!Files.exists(target)) {
            System.err.println("labdesk: " + target + ": no such file or folder");
            return 2;
        }
        LabdeskApp.target = target;
        try {
            Application.launch(LabdeskApp.class);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            String why = String.valueOf(e.getMessage());
            System.err.println("labdesk: the desktop app cannot start here (" + why + ").");
            if (why.contains("GTK")) {
                System.err.println("On Linux JavaFX needs GTK 3: install it (sudo apt-get install libgtk-3-0) and run ./labdesk again.");
            } else {
                System.err.println("It needs a graphical display: run it from your desktop session, or set DISPLAY.");
            }
            System.err.println("Everything else works headless: try 'labdesk --help', 'labdesk list labs'.");
            return 3;
        }
    }
}
