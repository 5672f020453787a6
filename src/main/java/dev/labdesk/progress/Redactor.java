package dev.labdesk.progress;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes obvious secrets from text before it is stored: values of secret-named keys
 * ({@code Authorization: ...}, {@code AWS_SECRET_ACCESS_KEY=...}, {@code "password": "..."}),
 * bearer and basic credentials, passwords in URLs, private key blocks and well-known token shapes.
 * It is a safety net for evidence (response bodies, logs, env dumps), not a guarantee.
 *
 * <p>Every pattern runs in linear time: evidence can be a megabyte of log, and a backtracking
 * pattern on it would freeze the run that is being saved.
 */
public final class Redactor {

    public static final String MARK = "[REDACTED]";

    /** Key names (lower-cased) ending in one of these hold secrets; "tokens" (AI usage counts) does not. */
    private static final List<String> SECRET_KEY_ENDINGS = List.of(
            "authorization", "cookie", "password", "passwd", "passphrase", "secret", "secret_key", "secret-key",
            "secretkey", "token", "apikey", "api_key", "api-key",
            "access_key", "access-key", "accesskey", "private_key", "private-key", "privatekey", "credential",
            "credentials", "signature", "subscription-key", "subscription_key", "sessionid", "session_id");

    // A key not preceded by a key character (so scanning a long identifier stays linear), an optional
    // quote around it, then ':' or '=' with optional blanks around.
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?<![A-Za-z0-9_.\\-])([\"']?)([A-Za-z][A-Za-z0-9_.\\-]*+)\\1([ \\t]*+)([:=])([ \\t]*+)");

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY-----(?:(?!-----END ).)*+(?:-----END \\1PRIVATE KEY-----)?",
            Pattern.DOTALL);

    // "Bearer <token>" outside a header; the token must hold a digit or symbol so prose ("bearer authentication") stays.
    private static final Pattern BEARER = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_\\-])(bearer)([ \\t]++)(?=[A-Za-z]*+[0-9._~+/=\\-])[A-Za-z0-9._~+/=\\-]{8,}+");

    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?i)(?<![A-Za-z0-9+.\\-])([a-z][a-z0-9+.\\-]*+://[^/\\s:@\"']++):(?!\\[REDACTED])[^@\\s/\"']++@");

    /** Well-known token shapes, each with a literal that must occur before its pattern is worth running. */
    private record Shape(List<String> literals, Pattern pattern) {

        Shape(String literal, Pattern pattern) {
            this(List.of(literal), pattern);
        }

        boolean worthRunning(String text) {
            for (String literal : literals) {
                if (text.contains(literal)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Shape> TOKEN_SHAPES = List.of(
            new Shape("sk-", Pattern.compile("(?<![A-Za-z0-9_\\-])sk-(?:proj-|ant-)?[A-Za-z0-9_\\-]{20,}+")), // OpenAI, Anthropic
            new Shape("AKIA", Pattern.compile("(?<![A-Za-z0-9])AKIA[0-9A-Z]{16}(?![0-9A-Z])")), // AWS access key ids
            new Shape("ASIA", Pattern.compile("(?<![A-Za-z0-9])ASIA[0-9A-Z]{16}(?![0-9A-Z])")), // AWS temporary key ids
            new Shape(List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), Pattern.compile("(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,}+")), // GitHub tokens
            new Shape("AIza", Pattern.compile("(?<![A-Za-z0-9_\\-])AIza[0-9A-Za-z_\\-]{35}")), // Google API keys
            new Shape("eyJ", Pattern.compile(
                    "(?<![A-Za-z0-9_\\-])eyJ[A-Za-z0-9_\\-]{8,}+\\.eyJ[A-Za-z0-9_\\-]{8,}+\\.[A-Za-z0-9_\\-]*+"))); // JWTs

    private Redactor() {
    }

    /** The text with secrets replaced by {@value #MARK}; null stays null. Applying it twice changes nothing more. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Cheap substring tests first: most evidence holds no secret, and the patterns cost far more per character.
        String lower = text.toLowerCase(Locale.ROOT);
        String out = text;
        if (out.contains("PRIVATE KEY-----")) {
            out = PRIVATE_KEY.matcher(out).replaceAll(m -> Matcher.quoteReplacement("-----BEGIN " + m.group(1)
                    + "PRIVATE KEY-----" + MARK + "-----END " + m.group(1) + "PRIVATE KEY-----"));
        }
        if (containsSecretKeyName(lower)) {
            out = secretValues(out);
        }
        if (lower.contains("bearer")) {
            out = BEARER.matcher(out).replaceAll("$1$2" + Matcher.quoteReplacement(MARK));
        }
        if (out.indexOf('@') >= 0 && out.contains("://")) {
            out = URL_PASSWORD.matcher(out).replaceAll("$1:" + Matcher.quoteReplacement(MARK) + "@");
        }
        for (Shape shape : TOKEN_SHAPES) {
            if (shape.worthRunning(out)) {
                out = shape.pattern().matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
            }
        }
        return out;
    }

    private static String secretValues(String text) {
        Matcher m = KEY_VALUE.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            String quote = m.group(1);
            String key = m.group(2).toLowerCase(Locale.ROOT);
            int valueStart = m.end();
            from = m.end();
            if (!isSecretKey(key)) {
                continue;
            }
            int valueEnd = valueEnd(text, valueStart, !quote.isEmpty(), m.group(4).equals("=") && m.group(3).isEmpty());
            int[] inner = unquote(text, valueStart, valueEnd);
            if (inner[1] <= inner[0] || text.startsWith(MARK, inner[0]) && inner[1] - inner[0] == MARK.length()) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, inner[0]).append(MARK);
            copied = inner[1];
            from = Math.max(from, valueEnd);
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean containsSecretKeyName(String lower) {
        for (String ending : SECRET_KEY_ENDINGS) {
            if (lower.contains(ending)) {
                return true;
            }
        }
        return false;
    }

    static boolean isSecretKey(String lowerKey) {
        for (String ending : SECRET_KEY_ENDINGS) {
            if (lowerKey.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the value starting at {@code start} ends. A quoted value ends at its closing quote. After
     * a quoted key (JSON, a Python dict) an unquoted value ends at ',' or '}'. After {@code KEY=} with
     * no blank (env vars, query strings) it ends at a blank, '&' or ';'. Otherwise (headers, YAML,
     * {@code key = value} in ini files) it runs to the end of the line.
     */
    private static int valueEnd(String text, int start, boolean quotedKey, boolean tightEquals) {
        int n = text.length();
        if (start < n && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
            char q = text.charAt(start);
            for (int i = start + 1; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == q) {
                    return i + 1;
                } else if (c == '\n') {
                    return i;
                }
            }
            return n;
        }
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
            if (quotedKey && (c == ',' || c == '}')) {
                return i;
            }
            if (tightEquals && (Character.isWhitespace(c) || c == '&' || c == ';' || c == '"' || c == '\'')) {
                return i;
            }
        }
        return n;
    }

    /** The span inside the quotes when the value is quoted, else the whole span minus trailing blanks. */
    private static int[] unquote(String text, int start, int end) {
        if (end - start >= 2) {
            char first = text.charAt(start);
            if ((first == '"' || first == '\'') && text.charAt(end - 1) == first) {
                return new int[] {start + 1, end - 1};
            }
        }
        if (end > start && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
            start++; // an unterminated quoted value: hide the rest of the line
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }
}
