// A multi-pattern substring automaton: one pass over a value finds every pattern occurrence (Aho-Corasick).
package dev.s1ql.eval;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Own compact implementation rather than a library: the hot loop works on primitive arrays and reports hits
 * through a callback that stamps int-indexed arrays, instead of allocating an object per hit. When the
 * automaton is small enough ({@link #DENSE_LIMIT}) it is turned into a full DFA over the patterns' own
 * characters (one array read per input char); otherwise it keeps sorted edge lists per state, a dense root
 * table and failure links (the 11,500 command-line patterns of the Sigma corpus use 1,600 distinct chars).
 * Patterns must be distinct and non-empty; the caller folds case beforehand when it needs to.
 */
final class AhoCorasick {

    /**
     * Receives occurrences (pattern id and the index of its last char in the text): at least each pattern's first
     * occurrence, and every occurrence that ends at the text's last char. Other repeats may be left out.
     */
    interface Hits {
        void hit(int pattern, int endIndex);
    }

    /** Largest states x alphabet table built as a full DFA (ints): 8 MB. */
    static final int DENSE_LIMIT = 1 << 21;

    private final int[] rootNext;   // dense transitions of the root, indexed by char (0 = stay at root)
    private final int[] edgeStart;  // state -> first edge index; edges of a state are sorted by char
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int[] fail;
    private final int[] ownPattern; // pattern ending exactly at this state, or -1
    private final int[] dictLink;   // nearest state on the fail chain with an own pattern, or 0
    private final char[] classOf;   // char -> alphabet class (0 = a char no pattern has); null when not dense
    private final int classes;
    private final int[] delta;      // full DFA: state * classes + class -> next state's row (see below); null when not dense
    // Pass number of the scan that last reported each state's patterns. Revisiting a state reports nothing new
    // (its patterns' first occurrences are already out), which matters for short patterns such as "\\" that
    // end at every other char of a path. This makes a scan stateful: one automaton serves one thread.
    private final int[] reported;
    private int pass;
    // The last scan, for the next one to resume after their shared prefix: its text (null: not kept), the state
    // after each of its chars (dense: the row as delta holds it; sparse: the state), and what it reported, in
    // order. Values longer than RESUME_LIMIT chars are scanned whole and not kept.
    static final int RESUME_LIMIT = 4096;
    private String lastText;
    private int[] stateAfter = new int[64];
    private int[] logPattern = new int[16];
    private int[] logEnd = new int[16];
    private int logCount;

    AhoCorasick(List<String> patterns) {
        this(patterns, DENSE_LIMIT);
    }

    /** @param denseLimit the largest full DFA table to build (0: always keep the sparse form) */
    AhoCorasick(List<String> patterns, int denseLimit) {
        int total = 1;
        char maxChar = 0;
        for (String p : patterns) {
            total += p.length();
            for (int i = 0; i < p.length(); i++) maxChar = (char) Math.max(maxChar, p.charAt(i));
        }
        // Build the trie with growable per-state edge lists, then freeze into flat arrays.
        int[][] kids = new int[total][];
        char[][] kidChars = new char[total][];
        int[] kidCount = new int[total];
        int[] own = new int[total];
        Arrays.fill(own, -1);
        int states = 1;
        for (int id = 0; id < patterns.size(); id++) {
            String p = patterns.get(id);
            int s = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                int t = find(kidChars[s], kids[s], kidCount[s], c);
                if (t < 0) {
                    t = states++;
                    if (kids[s] == null) {
                        kids[s] = new int[2];
                        kidChars[s] = new char[2];
                    } else if (kidCount[s] == kids[s].length) {
                        kids[s] = Arrays.copyOf(kids[s], kidCount[s] * 2);
                        kidChars[s] = Arrays.copyOf(kidChars[s], kidCount[s] * 2);
                    }
                    kids[s][kidCount[s]] = t;
                    kidChars[s][kidCount[s]] = c;
                    kidCount[s]++;
                }
                s = t;
            }
            own[s] = id;
        }
        edgeStart = new int[states + 1];
        int edges = 0;
        for (int s = 0; s < states; s++) {
            edgeStart[s] = edges;
            edges += kidCount[s];
        }
        edgeStart[states] = edges;
        edgeChar = new char[edges];
        edgeTarget = new int[edges];
        for (int s = 0; s < states; s++) {
            int n = kidCount[s];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            final int st = s;
            Arrays.sort(order, (a, b) -> Character.compare(kidChars[st][a], kidChars[st][b]));
            for (int i = 0; i < n; i++) {
                edgeChar[edgeStart[s] + i] = kidChars[s][order[i]];
                edgeTarget[edgeStart[s] + i] = kids[s][order[i]];
            }
        }
        rootNext = new int[maxChar + 1];
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) rootNext[edgeChar[e]] = edgeTarget[e];
        ownPattern = Arrays.copyOf(own, states);
        reported = new int[states];
        fail = new int[states];
        dictLink = new int[states];
        // Breadth-first: a state's fail link is the longest proper suffix that is also a trie path.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] bfs = new int[states];
        int visited = 0;
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) queue.add(edgeTarget[e]);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            bfs[visited++] = s;
            for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
                int t = edgeTarget[e];
                char c = edgeChar[e];
                int f = fail[s];
                int next;
                while (true) {
                    next = step(f, c);
                    if (next >= 0 || f == 0) break;
                    f = fail[f];
                }
                fail[t] = next > 0 && next != t ? next : 0;
                dictLink[t] = ownPattern[fail[t]] >= 0 ? fail[t] : dictLink[fail[t]];
                queue.add(t);
            }
        }
        // Alphabet: the distinct chars of the patterns, numbered from 1.
        char[] cls = new char[maxChar + 1];
        int k = 1;
        for (int e = 0; e < edges; e++) if (cls[edgeChar[e]] == 0) cls[edgeChar[e]] = (char) k++;
        if ((long) states * k <= denseLimit && k < Character.MAX_VALUE) {
            classOf = cls;
            classes = k;
            delta = new int[states * k];
            for (int e = edgeStart[0]; e < edgeStart[1]; e++) delta[cls[edgeChar[e]]] = edgeTarget[e];
            // Breadth-first, so a state's fail target row is complete before the state's own row is filled.
            for (int i = 0; i < visited; i++) {
                int s = bfs[i];
                System.arraycopy(delta, fail[s] * k, delta, s * k, k);
                for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) delta[s * k + cls[edgeChar[e]]] = edgeTarget[e];
            }
            // Store each target as its row offset (state * k), complemented (negative) when a pattern ends there:
            // the scan then needs no multiplication and no output-table reads for the chars that end nothing.
            for (int i = 0; i < delta.length; i++) {
                int t = delta[i];
                delta[i] = ownPattern[t] >= 0 || dictLink[t] != 0 ? ~(t * k) : t * k;
            }
        } else {
            classOf = null;
            classes = 0;
            delta = null;
        }
    }

    private void scanDense(String text, int from, boolean record, boolean fold, Hits hits) {
        final char[] cls = classOf;
        final int[] d = delta;
        final int k = classes;
        final int[] seen = reported;
        final int[] after = stateAfter;
        final int now = nextPass();
        int row = from == 0 ? 0 : after[from - 1]; // the current state's row offset, complemented when patterns end in it
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = fold ? CaseFold.fold(text.charAt(i)) : text.charAt(i);
            row = d[(row < 0 ? ~row : row) + (c < cls.length ? cls[c] : 0)];
            if (record) after[i] = row;
            if (row >= 0) continue;
            int s = ~row / k;
            if (seen[s] == now) continue;
            seen[s] = now;
            report(s, i, record, hits);
        }
        if (row < 0) report(~row / k, n - 1, record, hits); // what ends at the last char (again, if seen)
    }

    private int nextPass() {
        if (++pass == 0) {
            Arrays.fill(reported, 0);
            pass = 1;
        }
        return pass;
    }

    /** Every pattern that ends in state {@code s}, as ending at {@code i} (and logged for a resumed scan). */
    private void report(int s, int i, boolean record, Hits hits) {
        for (int o = ownPattern[s] >= 0 ? s : dictLink[s]; o != 0; o = dictLink[o]) {
            if (record) log(ownPattern[o], i);
            hits.hit(ownPattern[o], i);
        }
    }

    private void log(int pattern, int end) {
        if (logCount == logPattern.length) {
            logPattern = Arrays.copyOf(logPattern, logCount * 2);
            logEnd = Arrays.copyOf(logEnd, logCount * 2);
        }
        logPattern[logCount] = pattern;
        logEnd[logCount++] = end;
    }

    private static int find(char[] chars, int[] targets, int n, char c) {
        for (int i = 0; i < n; i++) if (chars[i] == c) return targets[i];
        return -1;
    }

    /** The goto transition from {@code s} on {@code c}; for the root, 0 when there is none, else -1. */
    private int step(int s, char c) {
        if (s == 0) return c < rootNext.length ? rootNext[c] : 0;
        int lo = edgeStart[s];
        int hi = edgeStart[s + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = edgeChar[mid];
            if (m < c) lo = mid + 1;
            else if (m > c) hi = mid - 1;
            else return edgeTarget[mid];
        }
        return -1;
    }

    /**
     * Reports the occurrences in {@code text} that {@link Hits} promises; with {@code fold}, each char is
     * case-folded as it is read. When the text starts with chars of the previous scan's text, those chars are
     * not read again: the scan replays what the previous one reported inside them and goes on from the state
     * it had there. A run of registry events repeats the first three quarters of its key paths.
     */
    void scan(String text, boolean fold, Hits hits) {
        int n = text.length();
        int from = 0;
        if (lastText != null) {
            int m = Math.min(n, lastText.length());
            while (from < m && text.charAt(from) == lastText.charAt(from)) from++;
            // The log is in the order of the chars: replay the occurrences that end inside the shared prefix.
            int kept = 0;
            while (kept < logCount && logEnd[kept] < from) {
                hits.hit(logPattern[kept], logEnd[kept]);
                kept++;
            }
            logCount = kept;
        } else {
            logCount = 0;
        }
        boolean record = n <= RESUME_LIMIT;
        if (record && stateAfter.length < n) stateAfter = Arrays.copyOf(stateAfter, Math.max(n, stateAfter.length * 2));
        lastText = record ? text : null;
        if (delta != null) {
            scanDense(text, from, record, fold, hits);
            return;
        }
        final int now = nextPass();
        int s = from == 0 ? 0 : stateAfter[from - 1];
        for (int i = from; i < n; i++) {
            char c = fold ? CaseFold.fold(text.charAt(i)) : text.charAt(i);
            int next;
            while ((next = step(s, c)) < 0) s = fail[s];
            s = next;
            if (record) stateAfter[i] = s;
            if (s == 0 || reported[s] == now) continue;
            reported[s] = now;
            report(s, i, record, hits);
        }
        if (s != 0) report(s, n - 1, record, hits);
    }
}
