package dev.labdesk.session;

import dev.labdesk.action.ActionEvent;
import dev.labdesk.action.ActionResult;
import dev.labdesk.check.CheckReport;
import dev.labdesk.check.CheckRunner;
import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.CheckStatus;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.kind.LabCleaner;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.task.TaskExecutor;
import dev.labdesk.workspace.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code labdesk test} for one lab, in temporary folders that are removed afterwards:
 * <ol>
 * <li>fresh: a copy of {@code files/<lab>/}, checked once each (no {@code eventually}); they must NOT all pass,
 *     or the lab is broken: its checks do not look at the learner's work;</li>
 * <li>solution: {@code files/<lab>/} overlaid with {@code solutions/<lab>/}, the lab's actions run in document
 *     order (those needing trust only in a trusted pack), then every check; all must pass.</li>
 * </ol>
 */
public final class LabTester {

    /** The pseudo action id under which cleanup lines are reported as log events. */
    public static final String CLEANUP = "cleanup";

    private boolean cleanUp = true;

    private final KindRegistry registry;
    private final TaskExecutor executor;
    private final boolean trusted;
    private final CheckRunner.Policy policy;

    public LabTester(KindRegistry registry, TaskExecutor executor, boolean trusted) {
        this(registry, executor, trusted, CheckRunner.Policy.DEFAULT);
    }

    public LabTester(KindRegistry registry, TaskExecutor executor, boolean trusted, CheckRunner.Policy policy) {
        this.registry = registry;
        this.executor = executor;
        this.trusted = trusted;
        this.policy = policy;
    }

    public LabTestReport test(Pack pack, Lab lab, Consumer<ActionEvent> events) throws IOException, InterruptedException {
        if (lab.checks().isEmpty()) {
            return new LabTestReport(pack.id(), lab.id(), LabTestReport.Verdict.NO_CHECKS,
                    "the lab has no checks, so there is nothing to test", null, List.of(), null);
        }
        Path temp = Files.createTempDirectory("labdesk-test-" + lab.id() + "-");
        try {
            Path freshDir = temp.resolve("fresh");
            FileTrees.copy(pack.starterFiles(lab), freshDir);
            CheckReport fresh;
            try (LabSession session = new LabSession(registry, executor, pack, lab, freshDir, trusted)) {
                // What an earlier run left (a container still answering) would make a fresh workspace pass.
                cleanUp(session, events, "before the fresh run: ");
                fresh = session.check(policy.once(), CheckRunner.Listener.NONE);
            }

            Path solutionDir = temp.resolve("solution");
            FileTrees.copy(pack.starterFiles(lab), solutionDir);
            FileTrees.copy(pack.solutionFiles(lab), solutionDir);
            List<ActionResult> actions = new ArrayList<>();
            CheckReport solution;
            try (LabSession session = new LabSession(registry, executor, pack, lab, solutionDir, trusted)) {
                for (Block.Action action : lab.actions()) {
                    ActionResult r = session.run(action, events);
                    actions.add(r);
                    if (!r.ok() && !r.refused()) {
                        break; // later actions build on this one
                    }
                }
                solution = session.check(policy, CheckRunner.Listener.NONE);
                if (cleanUp) {
                    cleanUp(session, events, "");
                }
            }
            return judge(pack, lab, fresh, actions, solution);
        } finally {
            FileTrees.deleteQuietly(temp);
        }
    }

    /** Removes what the solution's actions created (labelled containers, images...), reporting each cleaner's line. */
    private void cleanUp(LabSession session, Consumer<ActionEvent> events, String prefix) {
        for (LabCleaner cleaner : registry.cleaners()) {
            try {
                String done = cleaner.clean(session.context());
                if (done != null) {
                    events.accept(new ActionEvent.Log(CLEANUP, prefix + done));
                }
            } catch (Exception e) {
                events.accept(new ActionEvent.Log(CLEANUP, prefix + "could not clean up: " + e.getMessage()));
            }
        }
    }

    /** Whether to remove what the lab's actions created once its solution is tested (default true). */
    public LabTester keepingArtifacts(boolean keep) {
        this.cleanUp = !keep;
        return this;
    }

    private LabTestReport judge(Pack pack, Lab lab, CheckReport fresh, List<ActionResult> actions, CheckReport solution) {
        int total = solution.results().size();
        LabTestReport partial = new LabTestReport(pack.id(), lab.id(), LabTestReport.Verdict.PASSED, "", fresh, actions, solution);
        if (!partial.environmentProblems().isEmpty()) {
            return with(partial, LabTestReport.Verdict.ENVIRONMENT, "could not test: "
                    + partial.environmentProblems().get(0).userMessage());
        }
        if (fresh.allPassed()) {
            return with(partial, LabTestReport.Verdict.BROKEN, "broken lab: all " + plural(total, "check")
                    + " pass on a fresh workspace, so they do not test the learner's work");
        }
        if (!solution.allPassed()) {
            long notPassed = solution.results().stream().filter(r -> !r.passed()).count();
            StringBuilder why = new StringBuilder("the solution does not pass ").append(notPassed).append(" of ")
                    .append(plural(total, "check"));
            long refused = actions.stream().filter(a -> a.refused() && needsTrust(a)).count();
            long skipped = solution.count(CheckStatus.SKIP);
            if (refused > 0 || skipped > 0) {
                why.append("; ").append(refused > 0 ? plural(refused, "action") : "")
                        .append(refused > 0 && skipped > 0 ? " and " : "").append(skipped > 0 ? plural(skipped, "check") : "")
                        .append(" did not run because the pack is not trusted (trust it with '")
                        .append(CheckRunner.trustCommand(pack.root())).append("', or run with --trust)");
            }
            ActionResult failedAction = actions.stream().filter(a -> !a.ok() && !a.refused()).findFirst().orElse(null);
            if (failedAction != null) {
                why.append("; action ").append(failedAction.id()).append(" failed: ").append(failedAction.outcome().message());
            }
            return with(partial, LabTestReport.Verdict.FAILED, why.toString());
        }
        long freshFailing = fresh.results().stream().filter(r -> !r.passed()).count();
        return with(partial, LabTestReport.Verdict.PASSED, freshFailing + " of " + plural(total, "check")
                + " fail on a fresh workspace, and all pass on the solution");
    }

    private boolean needsTrust(ActionResult a) {
        return registry.action(a.kind()).map(ActionKind::needsTrust).orElse(false);
    }

    private static LabTestReport with(LabTestReport r, LabTestReport.Verdict verdict, String message) {
        return new LabTestReport(r.packId(), r.labId(), verdict, message, r.fresh(), r.actions(), r.solution());
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
