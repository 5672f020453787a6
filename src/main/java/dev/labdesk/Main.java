package dev.labdesk;

import dev.labdesk.cli.LabdeskCli;
import dev.labdesk.cli.Logs;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point: the desktop app with no arguments (or {@code open PATH}), the CLI otherwise.
 * Kept free of JavaFX types so the CLI starts fast and runs headless.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logs.init();
        if (args.length == 0 || args[0].equals("open")) {
            String[] rest = args.length == 0 ? new String[0] : java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(dev.labdesk.app.DesktopLauncher.launch(rest));
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = LabdeskCli.run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
