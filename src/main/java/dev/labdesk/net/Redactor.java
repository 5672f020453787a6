package dev.labdesk.net;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes obvious secrets from text before it is stored: values of secret-named keys
 * ({@code Authorization: ...}, {@code AWS_SECRET_ACCESS_KEY=...}, {@code "password": "..."}),
 * bearer tokens, passwords in URLs, private key blocks and well-known token shapes. It is a safety
 * net for evidence (response bodies, logs, env dumps), not a guarantee.
 *
 * <p>Everything runs in linear time with small constants: evidence can be a megabyte of log, and
 * redaction sits on the path of every save. Key-value pairs are found from their ':' or '=' rather
 * than by a pattern tried at every character, which was 50 times slower.
 */
public final class Redactor {

    public static final String MARK = "[REDACTED]";

    /** Key names (lower-cased) ending in one of these hold secrets; "tokens" (AI usage counts) does not. */
    private static final List<String> SECRET_KEY_ENDINGS = List.of(
            "authorization", "cookie", "password", "passwd", "passphrase", "secret", "secret_key", "secret-key",
            "secretkey", "token", "apikey", "api_key", "api-key", "access_key", "access-key", "accesskey",
            "private_key", "private-key", "privatekey", "credential", "credentials", "signature",
            "subscription-key", "subscription_key", "sessionid", "session_id");

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY-----(?:(?!-----END ).)*+(?:-----END \\1PRIVATE KEY-----)?",
            Pattern.DOTALL);

    /** Well-known token shapes, each with literals one of which must occur before its pattern is worth running. */
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
            new Shape(List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                    Pattern.compile("(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,}+")), // GitHub tokens
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
        String out = text;
        if (out.contains("PRIVATE KEY-----")) {
            out = PRIVATE_KEY.matcher(out).replaceAll(m -> Matcher.quoteReplacement("-----BEGIN " + m.group(1)
                    + "PRIVATE KEY-----" + MARK + "-----END " + m.group(1) + "PRIVATE KEY-----"));
        }
        out = secretValues(out);
        out = bearerTokens(out);
        out = urlPasswords(out);
        for (Shape shape : TOKEN_SHAPES) {
            if (shape.worthRunning(out)) {
                out = shape.pattern().matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
            }
        }
        return out;
    }

    //**** key: value, key=value, "key": "value" ****//

    private static String secretValues(String text) {
        Edits edits = new Edits(text);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char sep = text.charAt(i);
            if (sep != ':' && sep != '=') {
                continue;
            }
            // Walk back from the separator: blanks, an optional closing quote, then the key.
            int k = i - 1;
            while (k >= 0 && isBlank(text.charAt(k))) {
                k--;
            }
            boolean blankBefore = k < i - 1;
            char quote = k >= 0 && isQuote(text.charAt(k)) ? text.charAt(k) : 0;
            if (quote != 0) {
                k--;
            }
            int keyEnd = k + 1;
            while (k >= 0 && isKeyChar(text.charAt(k))) {
                k--;
            }
            int keyStart = k + 1;
            if (keyStart == keyEnd || !isAsciiLetter(text.charAt(keyStart))
                    || quote != 0 && (keyStart == 0 || text.charAt(keyStart - 1) != quote)
                    || !isSecretKey(text.substring(keyStart, keyEnd).toLowerCase(Locale.ROOT))) {
                continue;
            }
            int valueStart = i + 1;
            while (valueStart < n && isBlank(text.charAt(valueStart))) {
                valueStart++;
            }
            boolean tightEquals = sep == '=' && !blankBefore;
            int valueEnd = valueEnd(text, valueStart, quote != 0, tightEquals);
            int[] inner = unquote(text, valueStart, valueEnd);
            edits.replace(inner[0], inner[1]);
            i = Math.max(i, valueEnd - 1);
        }
        return edits.apply();
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
     * no blank (env vars, query strings) it ends at a blank, '&', ';' or a quote. Otherwise (headers,
     * YAML, {@code key = value} in ini files) it runs to the end of the line.
     */
    private static int valueEnd(String text, int start, boolean quotedKey, boolean tightEquals) {
        int n = text.length();
        if (start < n && isQuote(text.charAt(start))) {
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
            if (tightEquals && (Character.isWhitespace(c) || c == '&' || c == ';' || isQuote(c))) {
                return i;
            }
        }
        return n;
    }

    /** The span inside the quotes when the value is quoted, else the span without trailing blanks. */
    private static int[] unquote(String text, int start, int end) {
        if (end - start >= 2 && isQuote(text.charAt(start)) && text.charAt(end - 1) == text.charAt(start)) {
            return new int[] {start + 1, end - 1};
        }
        if (end > start && isQuote(text.charAt(start))) {
            start++; // an unterminated quoted value: hide the rest of the line
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }

    //**** Bearer <token> anywhere ****//

    /** The token must hold a digit or symbol, so prose ("bearer authentication") stays. */
    private static String bearerTokens(String text) {
        Edits edits = new Edits(text);
        int n = text.length();
        for (int at = indexOfIgnoreCase(text, "bearer", 0); at >= 0; at = indexOfIgnoreCase(text, "bearer", at + 6)) {
            if (at > 0 && (isKeyChar(text.charAt(at - 1)) && text.charAt(at - 1) != '.')) {
                continue;
            }
            int start = at + 6;
            if (start >= n || !isBlank(text.charAt(start))) {
                continue;
            }
            while (start < n && isBlank(text.charAt(start))) {
                start++;
            }
            int end = start;
            boolean nonLetter = false;
            while (end < n && isTokenChar(text.charAt(end))) {
                nonLetter |= !isAsciiLetter(text.charAt(end));
                end++;
            }
            if (end - start >= 8 && nonLetter) {
                edits.replace(start, end);
            }
        }
        return edits.apply();
    }

    //**** scheme://user:password@host ****//

    private static String urlPasswords(String text) {
        if (text.indexOf('@') < 0) {
            return text;
        }
        Edits edits = new Edits(text);
        int n = text.length();
        for (int at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 3)) {
            if (at == 0 || !isAsciiLetter(text.charAt(at - 1)) && !Character.isDigit(text.charAt(at - 1))) {
                continue;
            }
            int authorityEnd = at + 3;
            while (authorityEnd < n && "/?#\"' \t\r\n<>".indexOf(text.charAt(authorityEnd)) < 0) {
                authorityEnd++;
            }
            int userEnd = text.lastIndexOf('@', authorityEnd - 1);
            if (userEnd <= at + 3) {
                continue;
            }
            int colon = text.indexOf(':', at + 3);
            if (colon < 0 || colon >= userEnd) {
                continue;
            }
            edits.replace(colon + 1, userEnd);
        }
        return edits.apply();
    }

    //**** Helpers ****//

    /** Spans to replace by {@link #MARK}, collected in order; spans already holding exactly the mark are left. */
    private static final class Edits {
        private final String text;
        private StringBuilder out;
        private int copied;

        Edits(String text) {
            this.text = text;
        }

        void replace(int start, int end) {
            if (end <= start || start < copied
                    || end - start == MARK.length() && text.startsWith(MARK, start)) {
                return;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(MARK);
            copied = end;
        }

        String apply() {
            return out == null ? text : out.append(text, copied, text.length()).toString();
        }
    }

    private static int indexOfIgnoreCase(String text, String lowerWord, int from) {
        char first = lowerWord.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = from, last = text.length() - lowerWord.length(); i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == firstUpper) && text.regionMatches(true, i, lowerWord, 0, lowerWord.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKeyChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static boolean isTokenChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || "._~+/=-".indexOf(c) >= 0;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }
}
