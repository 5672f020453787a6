package dev.labdesk.docker;

import dev.labdesk.kind.CheckOutcome;
import java.util.ArrayList;
import java.util.List;

/** Collects one line per expectation, so a check reports every failure, not just the first. */
final class Verdicts {

    private final List<String> expected = new ArrayList<>();
    private final List<String> actual = new ArrayList<>();
    private final List<String> failedExpected = new ArrayList<>();
    private final List<String> failedActual = new ArrayList<>();

    void add(boolean ok, String expectedText, String actualText) {
        expected.add(expectedText);
        actual.add(actualText);
        if (!ok) {
            failedExpected.add(expectedText);
            failedActual.add(actualText);
        }
    }

    /** PASS with every expectation, or FAIL with only the ones that failed, with {@code evidence}. */
    CheckOutcome outcome(String evidence) {
        CheckOutcome o = failedExpected.isEmpty()
                ? CheckOutcome.pass(String.join("; ", expected), String.join("; ", actual))
                : CheckOutcome.fail(String.join("; ", failedExpected), String.join("; ", failedActual));
        return evidence == null ? o : o.withEvidence(evidence);
    }
}
