// format(pattern, values...): PowerQuery's printf subset (functions-reference.md §3): %d (rounded), %f (six
// digits unless a precision is given), %s, %%; flags - + space 0 , ( ; a width. The pattern is read by
// PrintfPattern, which the SQL translation shares.
package dev.s1ql.eval.pipeline;

import java.util.Locale;

final class Printf {
    private Printf() {
    }

    /** {@code a[0]} is the pattern; a conversion without a value prints "null" (%s) or "NaN" (%d, %f). */
    static PqValue format(PqValue[] a) {
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (PrintfPattern.Piece p : PrintfPattern.parse(a[0].asText())) {
            if (p.isLiteral()) {
                out.append(p.literal());
                continue;
            }
            PqValue v = next < a.length ? a[next++] : PqValue.NULL;
            if (p.conversion() == 's') {
                out.append(String.format(Locale.ROOT, p.javaFormat(), v.isNull() ? "null" : v.asText()));
                continue;
            }
            Double d = v.asNumber();
            if (d == null) out.append("NaN");
            else if (p.conversion() == 'd') out.append(String.format(Locale.ROOT, p.javaFormat(), Math.round(d)));
            else out.append(String.format(Locale.ROOT, p.javaFormat(), d));
        }
        return new PqValue.Text(out.toString());
    }
}
