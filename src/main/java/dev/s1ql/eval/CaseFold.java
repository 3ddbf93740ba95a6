// Case folding for the case-insensitive operators: one char in, one char out, so offsets are preserved.
package dev.s1ql.eval;

/**
 * Folds each char as {@link String#equalsIgnoreCase} compares it (upper, then lower), which keeps the length
 * unchanged — the substring automaton relies on that to tell "starts with" and "ends with" from "contains".
 */
final class CaseFold {
    private CaseFold() {
    }

    /** Every char's folded form, computed once (128 KB): the Character case tables are slow per call. */
    private static final char[] TABLE = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            TABLE[c] = Character.toLowerCase(Character.toUpperCase((char) c));
        }
    }

    static char fold(char c) {
        return TABLE[c];
    }

    static String fold(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && fold(s.charAt(i)) == s.charAt(i)) i++;
        if (i == n) return s;
        char[] out = s.toCharArray();
        for (; i < n; i++) out[i] = fold(out[i]);
        return new String(out);
    }
}
