package dev.labdesk.net;

import java.util.Locale;
import java.util.regex.Pattern;

/** Keeps secrets out of evidence, logs and reports: header values whose names suggest a credential are hidden. */
public final class Redact {

    /** The same mark the free-text {@link Redactor} leaves, so a hidden value reads alike everywhere. */
    public static final String HIDDEN = Redactor.MARK;

    private static final Pattern SECRET_NAME = Pattern.compile(
            "authorization|proxy-authorization|cookie|set-cookie|.*key.*|.*token.*|.*secret.*|.*password.*|.*session.*|.*credential.*|.*signature.*|x-amz-security-token",
            Pattern.CASE_INSENSITIVE);

    private Redact() {
    }

    public static boolean isSecretHeader(String name) {
        return name != null && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** The value to show for a header. */
    public static String header(String name, String value) {
        return isSecretHeader(name) ? HIDDEN : value;
    }
}
