package dev.labdesk.session;

import dev.labdesk.check.CheckReport;
import dev.labdesk.check.CheckResult;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.Step;
import dev.labdesk.progress.ProgressStore;
import dev.labdesk.progress.RunMode;
import dev.labdesk.progress.RunRecord;
import dev.labdesk.progress.StoredRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records a learner's check runs in the progress store, and marks a step done when every check
 * written under it passed (a lab when all of its checks passed). The store is opened per run so
 * the CLI and the desktop app can share the file; a write has reached the disk when this returns.
 */
public final class ProgressRecorder implements RunRecorder {

    private final LabdeskHome home;
    private volatile StoredRun last;

    public ProgressRecorder(LabdeskHome home) {
        this.home = home;
    }

    @Override
    public void checksFinished(Pack pack, Lab lab, Path workspace, CheckReport report) {
        Instant finished = Instant.now();
        Instant started = finished.minusMillis(report.elapsedMs());
        String version = pack.manifest().version();
        try (ProgressStore store = ProgressStore.open(home)) {
            last = store.recordRun(new RunRecord(pack.id(), version, lab.id(), RunMode.CHECK, started, finished,
                    report.results()));
            Map<String, CheckResult> byId = report.results().stream()
                    .collect(Collectors.toMap(CheckResult::id, Function.identity(), (a, b) -> a));
            boolean labDone = !lab.checks().isEmpty();
            for (Step step : lab.steps()) {
                List<CheckSpec> checks = step.checks();
                boolean passed = !checks.isEmpty() && checks.stream()
                        .allMatch(c -> byId.containsKey(c.id()) && byId.get(c.id()).passed());
                if (passed) {
                    store.markStepDone(pack.id(), version, lab.id(), step.id());
                } else if (!checks.isEmpty()) {
                    labDone = false;
                }
            }
            if (labDone) {
                store.markLabDone(pack.id(), version, lab.id());
            }
        }
    }

    /** The run recorded last, or null. */
    public StoredRun lastRun() {
        return last;
    }
}
