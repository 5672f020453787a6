package dev.labdesk.kind;

/** Events an action streams while it runs. Called from the action's thread; implementations must not block. */
public interface ActionListener {

    /** One line of output (a build step, a log line, a response). */
    void log(String line);

    /** {@code fraction} from 0 to 1, or negative when the amount of work is unknown. */
    void progress(double fraction, String label);

    ActionListener NONE = new ActionListener() {
        @Override
        public void log(String line) {
        }

        @Override
        public void progress(double fraction, String label) {
        }
    };
}
