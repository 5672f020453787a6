package dev.labdesk.docker;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as authors write them: {@code 200MB}, {@code 1.5GB}, {@code 512KiB} or plain bytes. Like
 * {@code docker images}, KB/MB/GB are powers of 1000; KiB/MiB/GiB are powers of 1024.
 */
public final class Sizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b?|b)?", Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    /** Bytes, or -1 when the text is not a size. */
    public static long parse(String text) {
        if (text == null) {
            return -1;
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        boolean binary = unit.contains("i");
        double base = binary ? 1024 : 1000;
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        return Math.round(n * Math.pow(base, power));
    }

    /** Like docker images: 1.99MB, 155MB, 1.2GB. */
    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + "B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return (v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v)) + units[i];
    }
}
