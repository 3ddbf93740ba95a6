// Case folding for the case-insensitive operators: one char in, one char out, so offsets are preserved.
package dev.s1ql.eval;

/**
 * Folds each char as {@link String#equalsIgnoreCase} compares it (upper, then lower), which keeps the length
 * unchanged — the substring automaton relies on that to tell "starts with" and "ends with" from "contains".
 */
final class CaseFold {
    private CaseFold() {
    }

    static char fold(char c) {
        if (c < 128) return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        return Character.toLowerCase(Character.toUpperCase(c));
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
