package dev.labdesk.session;

import dev.labdesk.action.ActionResult;
import dev.labdesk.check.CheckReport;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a finished run of a learner's lab is recorded: the seam for the progress store. The CLI's {@code check}
 * and {@code run} call it once per run on the user's own workspace (author tests in temporary folders and
 * submissions checked with {@code --workspace} are not recorded). Implementations
 * must not throw for storage problems they can report otherwise; callers log what they do throw.
 */
public interface RunRecorder {

    void checksFinished(Pack pack, Lab lab, Path workspace, CheckReport report);

    default void actionsFinished(Pack pack, Lab lab, Path workspace, List<ActionResult> results) {
    }

    /** Records nothing: the default until the progress store is plugged in. */
    RunRecorder NONE = (pack, lab, workspace, report) -> { };
}
