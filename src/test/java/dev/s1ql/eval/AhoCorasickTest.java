// The automaton reports what it promises (each pattern's first occurrence, and what ends at the last char) exactly
// as a naive search finds them, on random texts and pattern sets.
package dev.s1ql.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {

    @Test
    void findsEveryOccurrenceLikeANaiveSearch() {
        Random rnd = new Random(42);
        for (int round = 0; round < 600; round++) {
            String alphabet = round % 3 == 0 ? "ab" : round % 3 == 1 ? "abc\\" : "aäbé\u20ac";
            Set<String> unique = new LinkedHashSet<>();
            int n = 1 + rnd.nextInt(12);
            while (unique.size() < n) unique.add(random(rnd, alphabet, 1 + rnd.nextInt(5)));
            List<String> patterns = new ArrayList<>(unique);
            // Even rounds: full DFA; odd rounds: the sparse form with failure links.
            AhoCorasick ac = new AhoCorasick(patterns, round % 2 == 0 ? AhoCorasick.DENSE_LIMIT : 0);
            // A series of texts, each mostly sharing a prefix with the one before (the scan resumes after it),
            // sometimes repeated whole, cut short, or too long to be kept for resuming.
            String text = random(rnd, alphabet, rnd.nextInt(40));
            for (int step = 0; step < 8; step++) {
                String t = text;
                Set<String> reported = new TreeSet<>();
                ac.scan(t, false, (p, end) -> reported.add(p + "@" + end));
                assertEquals(expected(patterns, t), promised(patterns, t, reported),
                        () -> "patterns " + patterns + " text " + (t.length() > 60 ? t.substring(0, 60) + "..." : t));
                int keep = rnd.nextInt(text.length() + 1);
                int kind = rnd.nextInt(10);
                if (kind == 0) continue; // the same text again
                if (kind == 1) text = text.substring(0, keep);
                else if (kind == 2) text = random(rnd, alphabet, AhoCorasick.RESUME_LIMIT + 1 + rnd.nextInt(50));
                else text = text.substring(0, keep) + random(rnd, alphabet, rnd.nextInt(20));
            }
        }
    }

    /** What a scan promises: per pattern, its first occurrence and whether one ends at the last char. */
    private static Set<String> expected(List<String> patterns, String text) {
        Set<String> all = new TreeSet<>();
        for (int p = 0; p < patterns.size(); p++) {
            String pat = patterns.get(p);
            for (int i = text.indexOf(pat); i >= 0; i = text.indexOf(pat, i + 1)) all.add(p + "@" + (i + pat.length() - 1));
        }
        return promised(patterns, text, all);
    }

    /** Reduces a set of "pattern@end" occurrences (which must all be real) to the promised ones. */
    private static Set<String> promised(List<String> patterns, String text, Set<String> occurrences) {
        Set<String> out = new TreeSet<>();
        for (int p = 0; p < patterns.size(); p++) {
            int first = Integer.MAX_VALUE;
            for (String o : occurrences) {
                String[] parts = o.split("@");
                if (Integer.parseInt(parts[0]) != p) continue;
                int end = Integer.parseInt(parts[1]);
                String pat = patterns.get(p);
                int start = end - pat.length() + 1;
                if (start < 0 || !text.startsWith(pat, start)) out.add("bogus " + o);
                first = Math.min(first, end);
                if (end == text.length() - 1) out.add(p + " at end");
            }
            if (first != Integer.MAX_VALUE) out.add(p + " first@" + first);
        }
        return out;
    }

    private static String random(Random rnd, String alphabet, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return sb.toString();
    }
}
