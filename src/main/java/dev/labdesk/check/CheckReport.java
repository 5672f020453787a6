package dev.labdesk.check;

import dev.labdesk.kind.CheckStatus;
import java.util.List;

/**
 * What one run of a lab's checks found: a result per check in the author's order, and the
 * environments that were missing (a non-empty list means exit code 3 on the command line).
 */
public record CheckReport(List<CheckResult> results, List<EnvironmentProblem> environmentProblems, long elapsedMs) {

    public CheckReport {
        results = List.copyOf(results);
        environmentProblems = List.copyOf(environmentProblems);
    }

    public boolean allPassed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    /** No FAIL and no ERROR; skipped checks do not count against the learner. */
    public boolean noFailures() {
        return results.stream().noneMatch(r -> r.status() == CheckStatus.FAIL || r.status() == CheckStatus.ERROR);
    }

    public long count(CheckStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** "5 checks: 3 passed, 1 failed, 1 skipped" (statuses with no checks are left out). */
    public String summary() {
        StringBuilder b = new StringBuilder().append(results.size()).append(results.size() == 1 ? " check" : " checks");
        String sep = ": ";
        String[][] parts = {{"PASS", "passed"}, {"FAIL", "failed"}, {"ERROR", "could not run"}, {"SKIP", "skipped"}};
        for (String[] p : parts) {
            long n = count(CheckStatus.valueOf(p[0]));
            if (n > 0) {
                b.append(sep).append(n).append(' ').append(p[1]);
                sep = ", ";
            }
        }
        return b.toString();
    }
}
