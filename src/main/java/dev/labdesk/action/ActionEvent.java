package dev.labdesk.action;

/** What a running action reports, in order: a RUNNING status, logs and progress, then one final status. */
public sealed interface ActionEvent permits ActionEvent.Log, ActionEvent.Progress, ActionEvent.Status {

    String actionId();

    record Log(String actionId, String line) implements ActionEvent {
    }

    /** @param fraction 0 to 1, or negative when the amount of work is unknown */
    record Progress(String actionId, double fraction, String label) implements ActionEvent {
    }

    record Status(String actionId, State state, String message) implements ActionEvent {
    }

    enum State {
        RUNNING, OK, FAILED, ERROR, CANCELLED;

        public boolean finished() {
            return this != RUNNING;
        }
    }
}
