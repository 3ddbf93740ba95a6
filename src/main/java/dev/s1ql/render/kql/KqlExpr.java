// A KQL boolean condition under construction: atoms of KQL text combined with and, or and not(). Constants stand
// for a whole table (true) and never reach the text otherwise: the translation core folds them.
package dev.s1ql.render.kql;

import java.util.ArrayList;
import java.util.List;

public sealed interface KqlExpr {

    KqlExpr TRUE = new Const(true);
    KqlExpr FALSE = new Const(false);

    record Const(boolean value) implements KqlExpr {
    }

    /** A KQL condition that needs no parentheses around it inside and/or (a comparison or function call). */
    record Atom(String text) implements KqlExpr {
    }

    record All(List<KqlExpr> operands) implements KqlExpr {
    }

    record Any(List<KqlExpr> operands) implements KqlExpr {
    }

    record Negation(KqlExpr operand) implements KqlExpr {
    }

    static KqlExpr atom(String text) {
        return new Atom(text);
    }

    static KqlExpr and(List<KqlExpr> operands) {
        return combine(operands, true);
    }

    static KqlExpr or(List<KqlExpr> operands) {
        return combine(operands, false);
    }

    static KqlExpr and(KqlExpr a, KqlExpr b) {
        return and(List.of(a, b));
    }

    static KqlExpr not(KqlExpr e) {
        if (e instanceof Const c) return new Const(!c.value());
        if (e instanceof Negation n) return n.operand();
        return new Negation(e);
    }

    /** Flattens nested chains of the same kind and folds constants. */
    private static KqlExpr combine(List<KqlExpr> operands, boolean conjunction) {
        List<KqlExpr> kept = new ArrayList<>();
        for (KqlExpr e : operands) {
            if (e instanceof Const c) {
                if (c.value() != conjunction) return c;
                continue;
            }
            if (conjunction && e instanceof All a) kept.addAll(a.operands());
            else if (!conjunction && e instanceof Any a) kept.addAll(a.operands());
            else kept.add(e);
        }
        if (kept.isEmpty()) return new Const(conjunction);
        if (kept.size() == 1) return kept.get(0);
        return conjunction ? new All(kept) : new Any(kept);
    }
}
