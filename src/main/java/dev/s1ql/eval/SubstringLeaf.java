// `Contains`, `In Contains`, `StartsWith`, `EndsWith` (and their AnyCase/CIS and Does Not forms).
package dev.s1ql.eval;

import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;

/**
 * Holds when any operand occurs in the required position. The test itself is a lookup in the field's shared
 * {@link SubstringIndex}; an empty operand ({@code ContainsCIS ""}) holds on any present value.
 */
final class SubstringLeaf extends Leaf {

    final SubstringIndex index;
    /** CONTAINS (also for In Contains), STARTS_WITH or ENDS_WITH. */
    final MatchKind kind;
    final int[] patterns;
    final boolean hasEmpty;

    SubstringLeaf(Predicate source, String fieldName, int slot, SubstringIndex index) {
        super(source, fieldName, slot);
        this.index = index;
        MatchKind k = source.operator().kind();
        this.kind = k == MatchKind.IN_CONTAINS ? MatchKind.CONTAINS : k;
        boolean empty = false;
        int[] ids = new int[source.values().size()];
        int n = 0;
        for (Value v : source.values()) {
            if (v.text().isEmpty()) empty = true;
            else ids[n++] = index.register(v.text());
        }
        this.patterns = java.util.Arrays.copyOf(ids, n);
        this.hasEmpty = empty;
    }

    @Override
    boolean holds(EventView event, String value) {
        if (hasEmpty) return true;
        for (int p : patterns) {
            boolean hit = switch (kind) {
                case STARTS_WITH -> index.startsWith(event, p);
                case ENDS_WITH -> index.endsWith(event, p);
                default -> index.contains(event, p);
            };
            if (hit) return true;
        }
        return false;
    }
}
