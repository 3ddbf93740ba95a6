// "Did you mean" candidates: case-insensitive Damerau-Levenshtein distance with a length-relative cut-off.
package dev.s1ql.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

public final class Suggestions {
    private Suggestions() {
    }

    /** Up to {@code max} candidates close enough to {@code word} to be a plausible typo, closest first. */
    public static List<String> closest(String word, List<String> candidates, int max) {
        String w = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(4, w.length() / 3));
        record Scored(String name, int d) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            if (Math.abs(lc.length() - w.length()) > limit) continue;
            int d = distance(w, lc);
            if (d <= limit) scored.add(new Scored(c, d));
        }
        scored.sort(Comparator.comparingInt(Scored::d).thenComparing(Scored::name));
        return scored.stream().limit(max).map(Scored::name).distinct().toList();
    }

    /** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
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
