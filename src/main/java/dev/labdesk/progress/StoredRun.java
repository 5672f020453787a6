package dev.labdesk.progress;

/**
 * A run as the store holds it: its id (increasing in commit order) and its content, with secrets
 * already redacted from the results' text.
 */
public record StoredRun(long id, RunRecord run) {
}
