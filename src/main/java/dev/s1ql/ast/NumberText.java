// The one rule for "this text is a number" (spec §2.6: `445`, `-1.5`, quoted or not): the evaluator compares
// such values numerically, and every translation target writes them as numbers. `1e3`, `0x10`, `+5`, ` 5` and
// `1_000` are not numbers under it; they compare as text everywhere.
package dev.s1ql.ast;

import java.math.BigDecimal;

public final class NumberText {
    private NumberText() {
    }

    /** The number a text spells (the grammar's NUMBER shape, optionally quoted in the query), or null. */
    public static BigDecimal parse(String s) {
        int n = s.length();
        if (n == 0 || n > 60) return null;
        int i = s.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean dot = false;
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot && digits > 0 && j + 1 < n) {
                dot = true;
            } else {
                return null;
            }
        }
        if (digits == 0) return null;
        if (!dot && n - i <= 18) return BigDecimal.valueOf(Long.parseLong(s));
        return new BigDecimal(s);
    }
}
