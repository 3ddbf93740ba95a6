// The automaton finds exactly the occurrences a naive search finds, on random texts and pattern sets.
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
            String text = random(rnd, alphabet, rnd.nextInt(40));
            // Even rounds: full DFA; odd rounds: the sparse form with failure links.
            AhoCorasick ac = new AhoCorasick(patterns, round % 2 == 0 ? AhoCorasick.DENSE_LIMIT : 0);
            Set<String> found = new TreeSet<>();
            ac.scan(text, false, (p, end) -> found.add(p + "@" + end));
            Set<String> expected = new TreeSet<>();
            for (int p = 0; p < patterns.size(); p++) {
                String pat = patterns.get(p);
                for (int i = text.indexOf(pat); i >= 0; i = text.indexOf(pat, i + 1)) {
                    expected.add(p + "@" + (i + pat.length() - 1));
                }
            }
            assertEquals(expected, found, () -> "patterns " + patterns + " text " + text);
        }
    }

    private static String random(Random rnd, String alphabet, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return sb.toString();
    }
}
