package dev.labdesk.check;

import dev.labdesk.kind.CheckOutcome;
import java.util.List;

/** Turns a check's verdicts into one outcome: PASS when all hold; otherwise FAIL listing every one that did not. */
public final class Verdicts {

    private Verdicts() {
    }

    public static CheckOutcome outcome(List<Matchers.Verdict> verdicts) {
        List<Matchers.Verdict> failed = verdicts.stream().filter(v -> !v.ok()).toList();
        List<Matchers.Verdict> shown = failed.isEmpty() ? verdicts : failed;
        String expected = String.join("; ", shown.stream().map(Matchers.Verdict::expected).toList());
        String actual = String.join("; ", shown.stream().map(Matchers.Verdict::actual).toList());
        return failed.isEmpty() ? CheckOutcome.pass(expected, actual) : CheckOutcome.fail(expected, actual);
    }
}
