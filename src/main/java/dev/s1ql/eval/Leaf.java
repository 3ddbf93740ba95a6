// One predicate on one concrete field: the missing-field rule and operator negation, shared by every operator.
package dev.s1ql.eval;

import dev.s1ql.ast.Predicate;

/**
 * A missing field makes every predicate false (spec §11 Q13), negated operators included — {@code f != "x"} is
 * false on an event without {@code f} — except {@code IS EMPTY}, whose subclass overrides {@link #whenMissing()}.
 * <p>
 * Identical leaves are shared by all the rules of a pack (see {@link QueryCompiler}) and remember their result
 * for the current event, so {@code EndpointOS = "windows"} is decided once per event, not once per rule.
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

    private long memoStamp;
    private boolean memo;

    @Override
    public final boolean test(EventView event) {
        long stamp = event.stamp();
        if (stamp == memoStamp) return memo;
        String value = event.value(slot);
        boolean result = value == null ? whenMissing() : holds(event, value) != negated;
        memoStamp = stamp;
        memo = result;
        return result;
    }

    /** The un-negated test on a present value. */
    abstract boolean holds(EventView event, String value);

    boolean whenMissing() {
        return false;
    }
}
