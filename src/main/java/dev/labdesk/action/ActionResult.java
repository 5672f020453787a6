package dev.labdesk.action;

import dev.labdesk.check.EnvironmentProblem;
import dev.labdesk.kind.ActionOutcome;

/**
 * How one action ended.
 *
 * @param environment set when the action could not run because an environment is missing (exit code 3)
 * @param refused     true when it was not run at all (an untrusted pack, an unknown kind)
 */
public record ActionResult(String id, String kind, ActionOutcome outcome, long elapsedMs, EnvironmentProblem environment,
                           boolean refused) {

    public boolean ok() {
        return outcome.ok();
    }
}
