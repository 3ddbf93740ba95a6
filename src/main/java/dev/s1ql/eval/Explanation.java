// For --explain: what each predicate of a query said about one event, with the value it looked at.
package dev.s1ql.eval;

import java.util.ArrayList;
import java.util.List;

public final class Explanation {
    private Explanation() {
    }

    /**
     * @param predicate the predicate as written in the query
     * @param field     the concrete field read (differs from the written one for CmdLine and other shortcuts)
     * @param value     the event's value of that field, or null when missing
     * @param held      whether the predicate held on it (before any enclosing NOT)
     */
    public record Step(String predicate, String field, String value, boolean held) {
    }

    static List<Step> of(CompiledQuery query, EventView event) {
        String text = query.query().source();
        List<Step> steps = new ArrayList<>();
        for (CompiledQuery.LeafUse use : query.leaves()) {
            var span = use.predicate().span();
            String written = span.isKnown() && span.end() <= text.length()
                    ? text.substring(span.start(), span.end()) : use.predicate().toString();
            Leaf leaf = use.leaf();
            // "held": the predicate as written (operator negation included) is true, before any enclosing NOT.
            steps.add(new Step(written, use.field(), event.value(leaf.slot), leaf.test(event)));
        }
        return steps;
    }
}
