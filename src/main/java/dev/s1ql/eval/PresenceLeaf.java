// `EXISTS`, `IS EMPTY`, `IS NOT EMPTY`: about whether the field has a value, not what it is.
package dev.s1ql.eval;

import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Predicate;

/** EXISTS: present (JSON null counts as absent). IS EMPTY: absent or "". IS NOT EMPTY: present and not "". */
final class PresenceLeaf extends Leaf {

    private final boolean exists;

    PresenceLeaf(Predicate source, String fieldName, int slot) {
        super(source, fieldName, slot);
        this.exists = source.operator().kind() == MatchKind.EXISTS;
    }

    @Override
    boolean holds(EventView event, String value) {
        return exists || value.isEmpty();
    }

    @Override
    boolean whenMissing() {
        // IS EMPTY holds on a missing field; EXISTS and IS NOT EMPTY do not.
        return !exists && !negated;
    }
}
