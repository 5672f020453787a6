package dev.labdesk.pack;

/**
 * One thing wrong with a pack, a lab or a note, at the exact place an author has to change.
 * The message says what to write instead; the code is stable so tools can filter on it.
 */
public record Problem(SourcePos pos, Severity severity, String message, String code) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE:COL: error|warning: MESSAGE [CODE]}, one line whatever the message holds. */
    public String format() {
        return pos + ": " + severity.label() + ": " + message.replace('\n', ' ').replace('\r', ' ') + " [" + code + "]";
    }

    @Override
    public String toString() {
        return format();
    }
}
