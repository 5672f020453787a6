package dev.labdesk.check;

import dev.labdesk.kind.CheckStatus;

/**
 * The result of one check, as shown to the learner, written to the progress store and to JUnit XML.
 *
 * @param expected  what the check wanted, in words or as a value
 * @param actual    what it found (for ERROR: what went wrong and the fix; for SKIP: why)
 * @param evidence  supporting detail: a response body excerpt, a log tail, a file excerpt; may be null
 * @param hint      the author's hint, shown on FAIL; may be null
 */
public record CheckResult(String id, CheckStatus status, String expected, String actual, String evidence,
                          String hint, long elapsedMs) {

    public boolean passed() {
        return status == CheckStatus.PASS;
    }
}
