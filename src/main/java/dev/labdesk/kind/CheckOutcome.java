package dev.labdesk.kind;

/**
 * What one attempt of a check found. {@code expected} and {@code actual} are short, human
 * sentences or values; {@code evidence} is the supporting detail (a response body, a log tail).
 */
public record CheckOutcome(CheckStatus status, String expected, String actual, String evidence) {

    public static CheckOutcome pass(String expected, String actual) {
        return new CheckOutcome(CheckStatus.PASS, expected, actual, null);
    }

    public static CheckOutcome fail(String expected, String actual) {
        return new CheckOutcome(CheckStatus.FAIL, expected, actual, null);
    }

    /** The check could not run: {@code why} names the cause, {@code fix} the next step. */
    public static CheckOutcome error(String why, String fix) {
        return new CheckOutcome(CheckStatus.ERROR, null, why + (fix == null ? "" : ". Fix: " + fix), null);
    }

    public static CheckOutcome skip(String reason) {
        return new CheckOutcome(CheckStatus.SKIP, null, reason, null);
    }

    public CheckOutcome withEvidence(String text) {
        return new CheckOutcome(status, expected, actual, text);
    }

    public boolean passed() {
        return status == CheckStatus.PASS;
    }
}
