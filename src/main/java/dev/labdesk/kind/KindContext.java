package dev.labdesk.kind;

import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import java.nio.file.Path;

/** What a check or action may use while it runs. */
public interface KindContext {

    Pack pack();

    Lab lab();

    /** The learner's folder for this lab; relative paths in checks and actions resolve against it. */
    Path workspace();

    /** Whether the user trusted this pack: only then may shell commands and scripts run. */
    boolean trusted();

    Cancellation cancellation();

    /** An integration adapter (a DockerEngine, say), created on first use and shared. */
    <T> T service(Class<T> type);

    /** {@code <pack>/<lab>}, the value of the {@code dev.labdesk.lab} label on what LabDesk creates. */
    default String labKey() {
        return pack().id() + "/" + lab().id();
    }
}
