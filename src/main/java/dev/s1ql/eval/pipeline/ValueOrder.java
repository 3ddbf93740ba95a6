// The order of `sort` and of group rows: numbers (and text that reads as one) first, by value; then other text by
// code point (the byte order of UTF-8, as SQL engines compare); then booleans, false first; then arrays; null and
// missing last, in either direction.
package dev.s1ql.eval.pipeline;

import java.util.Comparator;

final class ValueOrder {
    private ValueOrder() {
    }

    /** Ascending order of non-null values; use {@link #compare} for nulls-last in both directions. */
    static int compare(PqValue a, PqValue b, boolean descending) {
        boolean na = a.isNull();
        boolean nb = b.isNull();
        if (na || nb) return na == nb ? 0 : na ? 1 : -1;
        int ra = rank(a);
        int rb = rank(b);
        int c;
        if (ra != rb) {
            c = Integer.compare(ra, rb);
        } else if (ra == 0) {
            c = Double.compare(a.asNumber(), b.asNumber());
        } else if (ra == 2) {
            c = Boolean.compare(((PqValue.Bool) a).value(), ((PqValue.Bool) b).value());
        } else {
            c = codePoints(a.asText(), b.asText());
        }
        return descending ? -c : c;
    }

    static final Comparator<String> CODE_POINTS = ValueOrder::codePoints;

    private static int rank(PqValue v) {
        if (v.asNumber() != null) return 0;
        if (v instanceof PqValue.Text) return 1;
        if (v instanceof PqValue.Bool) return 2;
        return 3;
    }

    static int codePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
