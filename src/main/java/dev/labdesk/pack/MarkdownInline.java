package dev.labdesk.pack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Links and images in one paragraph or heading. Code spans and matching brackets are found in
 * one pass up front, so text full of brackets or backticks costs linear time, not quadratic.
 */
final class MarkdownInline {

    private static final int MAX_NESTING = 16;

    private final CharSequence s;
    private final int[] map;
    private final MarkdownBlocks.Sink sink;
    /** For a backtick run's start: where the code span ends, or the run's own end when it is not closed. */
    private final int[] codeEnd;
    /** For a '[': the matching ']', or -1. */
    private final int[] bracket;
    /** A destination scan that failed went this far; later starts before it fail the same way. */
    private int failedUntil = -1;

    /**
     * @param s   the paragraph's text, its lines joined by '\n'
     * @param map for each character of {@code s}, its offset in the file
     */
    MarkdownInline(CharSequence s, int[] map, MarkdownBlocks.Sink sink) {
        this.s = s;
        this.map = map;
        this.sink = sink;
        int n = s.length();
        this.codeEnd = new int[n];
        this.bracket = new int[n];
        Arrays.fill(bracket, -1);
        matchCodeSpans(n);
        matchBrackets(n);
    }

    private void matchCodeSpans(int n) {
        // Runs from the end: the first later run of the same length closes a span.
        Map<Integer, Integer> nextRunOfLength = new HashMap<>();
        int i = n - 1;
        while (i >= 0) {
            if (s.charAt(i) != '`') {
                i--;
                continue;
            }
            int end = i;
            while (i >= 0 && s.charAt(i) == '`') {
                i--;
            }
            int start = i + 1;
            int len = end - start + 1;
            Integer closer = nextRunOfLength.get(len);
            codeEnd[start] = closer == null ? start + len : closer + len;
            nextRunOfLength.put(len, start);
        }
        // A run inside an earlier span is text of that span; the forward scan below skips it.
    }

    private void matchBrackets(int n) {
        int[] stack = new int[64];
        int top = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                i = Math.max(i + 1, codeEnd[i]);
            } else if (c == '[') {
                if (top == stack.length) {
                    stack = Arrays.copyOf(stack, top * 2);
                }
                stack[top++] = i++;
            } else if (c == ']') {
                if (top > 0) {
                    bracket[stack[--top]] = i;
                }
                i++;
            } else {
                i++;
            }
        }
    }

    void scan(int from, int to, int nesting) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                i = Math.max(i + 1, codeEnd[i]);
            } else if (c == '<') {
                i = autolinkEnd(i, to);
            } else if (c == '[' || (c == '!' && i + 1 < to && s.charAt(i + 1) == '[')) {
                boolean image = c == '!';
                int open = image ? i + 1 : i;
                int close = bracket[open];
                if (close < 0 || close >= to) {
                    i = open + 1;
                    continue;
                }
                int end = close + 1 < to && s.charAt(close + 1) == '(' && close + 2 > failedUntil
                        ? inlineDestination(close + 2, to, image) : -1;
                if (end < 0) {
                    i = open + 1; // not an inline link: its text may still hold one
                    continue;
                }
                if (nesting < MAX_NESTING) {
                    scan(open + 1, close, nesting + 1); // an image inside a link's text
                }
                i = end;
            } else {
                i++;
            }
        }
    }

    private int autolinkEnd(int i, int to) {
        for (int j = i + 1; j < to; j++) {
            char c = s.charAt(j);
            if (c == '>') {
                return j + 1;
            }
            if (c == '<' || c == ' ' || c == '\n') {
                break;
            }
        }
        return i + 1;
    }

    /** Reads {@code (dest "title")} starting after the '('; reports the link and returns the offset after ')'. */
    private int inlineDestination(int from, int to, boolean image) {
        int i = skip(from, to);
        int destStart = i;
        int destEnd;
        if (i < to && s.charAt(i) == '<') {
            int j = i + 1;
            while (j < to && s.charAt(j) != '>' && s.charAt(j) != '\n') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= to || s.charAt(j) != '>') {
                return fail(j);
            }
            destStart = i + 1;
            destEnd = j;
            i = j + 1;
        } else {
            int parens = 0;
            int j = i;
            while (j < to) {
                char c = s.charAt(j);
                if (c == '\\' && j + 1 < to) {
                    j += 2;
                    continue;
                }
                if (c <= ' ') {
                    break;
                }
                if (c == '(') {
                    parens++;
                } else if (c == ')') {
                    if (parens == 0) {
                        break;
                    }
                    parens--;
                }
                j++;
            }
            destEnd = j;
            i = j;
        }
        i = skip(i, to);
        if (i < to && (s.charAt(i) == '"' || s.charAt(i) == '\'' || s.charAt(i) == '(')) {
            char close = s.charAt(i) == '(' ? ')' : s.charAt(i);
            int j = i + 1;
            while (j < to && s.charAt(j) != close) {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= to) {
                return fail(j);
            }
            i = skip(j + 1, to);
        }
        if (i >= to || s.charAt(i) != ')') {
            return fail(i);
        }
        String url = MarkdownBlocks.unescape(s.subSequence(destStart, destEnd).toString());
        sink.link(url, image, map[destStart]);
        return i + 1;
    }

    private int fail(int reached) {
        failedUntil = Math.max(failedUntil, reached);
        return -1;
    }

    private int skip(int i, int to) {
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }
}
