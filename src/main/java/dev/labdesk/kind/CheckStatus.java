package dev.labdesk.kind;

/**
 * PASS: the learner's work is there. FAIL: not yet (expected vs actual says what is missing).
 * ERROR: the check could not run (the message says why and how to fix it). SKIP: not run, with the reason.
 */
public enum CheckStatus {
    PASS, FAIL, ERROR, SKIP
}
