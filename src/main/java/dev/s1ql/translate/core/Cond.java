// The lowered condition: tests combined with AND and OR, negation only on single tests (negation normal form),
// and constants for what is decided at translation time. Built and simplified by the factory methods, which
// flatten nested AND/OR and fold constants, so that a target never sees `x AND true` or `NOT NOT x`.
package dev.s1ql.translate.core;

import java.util.ArrayList;
import java.util.List;

public sealed interface Cond {

    Cond TRUE = new Const(true);
    Cond FALSE = new Const(false);

    /** A test, or its prefix negation ({@code NOT test}): true on an event without the field, unlike {@code !=}. */
    record Lit(Test test, boolean negated) implements Cond {
    }

    record All(List<Cond> parts) implements Cond {
        public All {
            parts = List.copyOf(parts);
        }
    }

    record Any(List<Cond> parts) implements Cond {
        public Any {
            parts = List.copyOf(parts);
        }
    }

    record Const(boolean value) implements Cond {
    }

    static Cond of(boolean value) {
        return value ? TRUE : FALSE;
    }

    static Cond and(List<Cond> parts) {
        return combine(parts, true);
    }

    static Cond or(List<Cond> parts) {
        return combine(parts, false);
    }

    /** The negation, pushed down to the tests (De Morgan); S1QL's two-valued logic makes this exact. */
    static Cond not(Cond c) {
        if (c instanceof Const k) return of(!k.value());
        if (c instanceof Lit l) return new Lit(l.test(), !l.negated());
        if (c instanceof All a) return or(a.parts().stream().map(Cond::not).toList());
        return and(((Any) c).parts().stream().map(Cond::not).toList());
    }

    private static Cond combine(List<Cond> parts, boolean conjunction) {
        List<Cond> kept = new ArrayList<>();
        for (Cond c : parts) {
            if (c instanceof Const k) {
                if (k.value() != conjunction) return k;   // false in AND, true in OR decides
                continue;                                  // the neutral element
            }
            if (conjunction && c instanceof All a) kept.addAll(a.parts());
            else if (!conjunction && c instanceof Any a) kept.addAll(a.parts());
            else kept.add(c);
        }
        if (kept.isEmpty()) return of(conjunction);
        if (kept.size() == 1) return kept.get(0);
        return conjunction ? new All(kept) : new Any(kept);
    }
}
