package dev.labdesk.pack;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as authors write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1m30s}, {@code 1h}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+");

    private Durations() {
    }

    /** Parses a duration, or returns null when the text is not one. A bare number means seconds. */
    public static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (NUMBER.matcher(t).matches()) {
            return millis(Double.parseDouble(t) * 1000);
        }
        if (t.length() > 40 || !WHOLE.matcher(t).matches()) {
            return null;
        }
        double ms = 0;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            ms += switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1000;
                case "m" -> n * 60_000;
                default -> n * 3_600_000;
            };
        }
        return millis(ms);
    }

    private static Duration millis(double ms) {
        return ms > 365L * 24 * 3_600_000 ? null : Duration.ofMillis(Math.round(ms));
    }

    /** Short form for messages: 30s, 2m, 1m30s, 250ms. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return ms % 1000 == 0 ? s + "s" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return s % 60 == 0 ? (s / 60) + "m" : (s / 60) + "m" + (s % 60) + "s";
    }
}
