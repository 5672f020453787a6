package dev.labdesk.pack;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for typos in kinds, keys and ids. */
public final class Suggest {

    private Suggest() {
    }

    /** The closest candidate within a small edit distance, or null when nothing is close. */
    public static String closest(String input, Collection<String> candidates) {
        if (input == null || input.isEmpty() || input.length() > 200) {
            return null;
        }
        String needle = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int d = distance(needle, c);
            if (c.startsWith(needle) || needle.startsWith(c)) {
                d = Math.min(d, Math.abs(c.length() - needle.length()) == 0 ? 0 : 2);
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, needle.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** " (did you mean 'x'?)" or an empty string. */
    public static String didYouMean(String input, Collection<String> candidates) {
        String s = closest(input, candidates);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
