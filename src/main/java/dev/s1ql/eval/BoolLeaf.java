// `is true` / `is false`: the field's text is "true"/"false" in any case (JSON true, or "True" as DV writes it).
package dev.s1ql.eval;

import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Predicate;

final class BoolLeaf extends Leaf {

    private final String expected;

    BoolLeaf(Predicate source, String fieldName, int slot) {
        super(source, fieldName, slot);
        this.expected = ((BoolValue) source.value()).value() ? "true" : "false";
    }

    @Override
    boolean holds(EventView event, String value) {
        return value.equalsIgnoreCase(expected);
    }
}
