package dev.labdesk.pack;

/**
 * One thing wrong with a pack, a lab or a note, at the exact place an author has to change.
 * The message says what to write instead; the code is stable so tools can filter on it.
 */
public record Problem(SourcePos pos, Severity severity, String message, String code) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code FILE:LINE:COL: error|warning: MESSAGE [CODE]}, one line whatever the message holds.
     * Messages quote file content, so control characters (line breaks, terminal escapes) are
     * shown as a backslash, u and four hex digits rather than acted on by the terminal.
     */
    public String format() {
        return pos + ": " + severity.label() + ": " + printable(message) + " [" + code + "]";
    }

    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (control) {
                    sb.append(String.format("\\u%04X", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
