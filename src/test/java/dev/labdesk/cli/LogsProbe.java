package dev.labdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/** Run in a fresh JVM by {@link LogsTest}: logging set up the way the CLI does it. */
public final class LogsProbe {

    private LogsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Logs.init();
        Path log = Logs.file();
        System.out.println("before " + Files.exists(log.getParent()));
        Logger.getLogger("dev.labdesk.probe").warning("probe message");
        Logger.getLogger("dev.labdesk.probe").fine("below the level");
        System.out.println("after " + Files.readString(log).trim());
    }
}
