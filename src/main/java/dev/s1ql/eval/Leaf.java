// One predicate on one concrete field: the missing-field rule and operator negation, shared by every operator.
package dev.s1ql.eval;

import dev.s1ql.ast.Predicate;

/**
 * A missing field makes every predicate false (spec §11 Q13), negated operators included — {@code f != "x"} is
 * false on an event without {@code f} — except {@code IS EMPTY}, whose subclass overrides {@link #whenMissing()}.
 */
abstract class Leaf implements Matcher {

    final Predicate source;
    final String fieldName;
    final int slot;
    final boolean negated;

    Leaf(Predicate source, String fieldName, int slot) {
        this.source = source;
        this.fieldName = fieldName;
        this.slot = slot;
        this.negated = source.operator().negated();
    }

    @Override
    public final boolean test(EventView event) {
        String value = event.value(slot);
        if (value == null) return whenMissing();
        return holds(event, value) != negated;
    }

    /** The un-negated test on a present value. */
    abstract boolean holds(EventView event, String value);

    boolean whenMissing() {
        return false;
    }
}
