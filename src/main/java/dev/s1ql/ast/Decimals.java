// Decimal numbers from text, bounded in length: a number literal of a megabyte must not stall a run.
package dev.s1ql.ast;

import java.math.BigDecimal;

/**
 * {@code new BigDecimal(String)} converts digits to binary in quadratic time (30 s and more for a 1 MB literal,
 * issue 13), and every renderer converted the literal again. No field holds a number anywhere near
 * {@value #MAX_LENGTH} characters (a double's range ends at 309 integer digits), so a longer text is not read as
 * a number: the parsers report a longer number literal (S1010) and the renderers compare a longer quoted value
 * as text, as the evaluator does with values over 60 characters.
 */
public final class Decimals {

    /** Longest text read as a number. */
    public static final int MAX_LENGTH = 1_000;

    private Decimals() {
    }

    /**
     * The number {@code s} spells, as {@code new BigDecimal(s)}; {@link NumberFormatException} for what it
     * refuses and for a text longer than {@link #MAX_LENGTH}.
     */
    public static BigDecimal parse(String s) {
        if (s.length() > MAX_LENGTH) {
            throw new NumberFormatException("a number of " + s.length() + " characters (at most " + MAX_LENGTH + " are read)");
        }
        for (int i = 0; i < s.length(); i++) {
            // BigDecimal takes any Unicode digit ("4\u0f232"); no query language s1ql writes does (found by the fuzzer)
            if (s.charAt(i) > 0x7F) throw new NumberFormatException("not an ASCII number: " + s);
        }
        return new BigDecimal(s);
    }
}
