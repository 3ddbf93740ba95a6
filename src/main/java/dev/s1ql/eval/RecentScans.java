// What the automaton found in recently scanned values of one field, so that a value seen again is not rescanned.
package dev.s1ql.eval;

import java.util.function.IntUnaryOperator;

/**
 * Telemetry repeats values far apart (the same registry key paths, image paths, command lines of services), and
 * one automaton pass over a 100-char registry path costs far more than hashing and comparing it. A small
 * direct-mapped table keyed by the value's hash keeps, per value, the hits of its pass; a newer value with the
 * same slot replaces the older one. Bounded: {@link #SLOTS} entries of values up to {@link #MAX_LENGTH} chars,
 * so memory stays flat whatever the input. Exact: a value is only answered from the table when it is equal.
 */
final class RecentScans {

    static final int SLOTS = 512;
    /** Longer values are not kept (they are rarer, and would make the table large). */
    static final int MAX_LENGTH = 256;
    /** Chars of a value that its slot depends on. */
    static final int SAMPLES = 16;

    private static final int[] NONE = new int[0];

    private final String[] texts = new String[SLOTS];
    /** Each kept value's hash: compared first, so that a miss does not read the kept String (cold memory). */
    private final int[] hashes = new int[SLOTS];
    private final int[][] hits = new int[SLOTS][];

    /** The hits kept for a value equal to {@code text}, whose {@link #hash} is {@code h}, or null. */
    int[] find(String text, int h) {
        if (text.length() > MAX_LENGTH) return null;
        int at = h & (SLOTS - 1);
        return hashes[at] == h && text.equals(texts[at]) ? hits[at] : null;
    }

    /** Keeps the hits of the pass just made over {@code text} (hash {@code h}), each encoded by {@code code}. */
    void remember(String text, int h, int[] patterns, int count, IntUnaryOperator code) {
        if (text.length() > MAX_LENGTH) return;
        int at = h & (SLOTS - 1);
        int[] kept = NONE;
        if (count > 0) {
            kept = new int[count];
            for (int i = 0; i < count; i++) kept[i] = code.applyAsInt(patterns[i]);
        }
        texts[at] = text;
        hashes[at] = h;
        hits[at] = kept;
    }

    /**
     * A hash of the length and at most {@link #SAMPLES} chars spread over the value, ending at its last char (its
     * low bits choose the slot).
     * String.hashCode reads every char with a multiply chained through each (Java 17 does not vectorize it), and
     * each value is a fresh String, so it was a tenth of a rule pack's time; equality is still checked in full
     * (String.equals is vectorized), so a weaker hash only costs misses, never a wrong answer.
     */
    static int hash(String text) {
        int n = text.length();
        int h = n;
        int step = n <= SAMPLES ? 1 : n / SAMPLES;
        for (int i = n - 1, k = 0; i >= 0 && k < SAMPLES; i -= step, k++) h = h * 31 + text.charAt(i);
        h *= 0x9E3779B1;
        return h ^ (h >>> 16);
    }
}
