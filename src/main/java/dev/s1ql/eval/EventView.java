// The event under evaluation as the matchers see it: raw values, plus per-event caches of derived forms.
package dev.s1ql.eval;

import dev.s1ql.ast.NumberText;

import dev.s1ql.events.EventValues;
import java.math.BigDecimal;

/**
 * Folded text and parsed numbers are computed at most once per slot per event, however many rules ask.
 */
public final class EventView {

    private static final BigDecimal NOT_A_NUMBER = new BigDecimal(Long.MIN_VALUE).subtract(BigDecimal.TEN);

    private final EventValues values;
    private final String[] folded;
    private final long[] foldedStamp;
    private final BigDecimal[] numbers;
    private final long[] numberStamp;

    public EventView(EventValues values) {
        this.values = values;
        int n = values.size();
        folded = new String[n];
        foldedStamp = new long[n];
        numbers = new BigDecimal[n];
        numberStamp = new long[n];
    }

    public EventValues values() {
        return values;
    }

    long stamp() {
        return values.stamp();
    }

    String value(int slot) {
        return values.get(slot);
    }

    /** The case-folded value of a present field. */
    String folded(int slot) {
        if (foldedStamp[slot] != values.stamp()) {
            foldedStamp[slot] = values.stamp();
            String v = values.get(slot);
            folded[slot] = v == null ? null : CaseFold.fold(v);
        }
        return folded[slot];
    }

    /** The value as a number, or null when it does not read as one. */
    BigDecimal number(int slot) {
        if (numberStamp[slot] != values.stamp()) {
            numberStamp[slot] = values.stamp();
            String v = values.get(slot);
            BigDecimal d = v == null ? null : NumberText.parse(v);
            numbers[slot] = d == null ? NOT_A_NUMBER : d;
        }
        BigDecimal d = numbers[slot];
        return d == NOT_A_NUMBER ? null : d;
    }
}
