package dev.labdesk.session;

import dev.labdesk.action.ActionResult;
import dev.labdesk.check.CheckReport;
import dev.labdesk.check.EnvironmentProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code labdesk test} found for one lab.
 *
 * @param fresh    the checks on a fresh copy of the starter files (null when the lab has no checks)
 * @param actions  the lab's actions run on the solution, in order
 * @param solution the checks on the solution after the actions (null when the lab has no checks)
 * @param message  one sentence: why it passed or failed
 */
public record LabTestReport(String packId, String labId, Verdict verdict, String message, CheckReport fresh,
                            List<ActionResult> actions, CheckReport solution) {

    public LabTestReport {
        actions = List.copyOf(actions);
    }

    public enum Verdict {
        /** Fresh work does not pass and the solution does. */
        PASSED,
        /** The lab has no checks: nothing to test. */
        NO_CHECKS,
        /** Every check passes on fresh starter files: the checks do not test the learner's work. */
        BROKEN,
        /** The solution (with the lab's actions) does not pass every check. */
        FAILED,
        /** A required environment is missing, so the lab could not be tested. */
        ENVIRONMENT
    }

    public boolean ok() {
        return verdict == Verdict.PASSED || verdict == Verdict.NO_CHECKS;
    }

    public String key() {
        return packId + "/" + labId;
    }

    public List<EnvironmentProblem> environmentProblems() {
        List<EnvironmentProblem> out = new ArrayList<>();
        if (fresh != null) {
            out.addAll(fresh.environmentProblems());
        }
        actions.stream().filter(a -> a.environment() != null).forEach(a -> out.add(a.environment()));
        if (solution != null) {
            out.addAll(solution.environmentProblems());
        }
        return out;
    }
}
