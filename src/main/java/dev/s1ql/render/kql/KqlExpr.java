// A KQL boolean condition under construction. Besides KQL text it has two constants (a predicate that is
// decided for a table: an ObjectType test, a field the table's events never carry) and "unexpressible" (the
// table has no column for a field its events carry), so that a table's condition simplifies the way the S1QL
// query would evaluate there and a table that cannot express the query is recognised and left out.
package dev.s1ql.render.kql;

import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;

public sealed interface KqlExpr {

    KqlExpr TRUE = new Const(true);
    KqlExpr FALSE = new Const(false);

    /** Decided at translation time. */
    record Const(boolean value) implements KqlExpr {
    }

    /** A KQL condition that needs no parentheses around it inside and/or (a comparison or function call). */
    record Atom(String text) implements KqlExpr {
    }

    /** Cannot be written for this table; the diagnostics say why. */
    record Unexpressible(List<Diagnostic> reasons) implements KqlExpr {
        public Unexpressible {
            reasons = List.copyOf(reasons);
        }
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

    /** Conjunction with three-valued simplification: false wins over unexpressible, true is dropped. */
    static KqlExpr and(List<KqlExpr> operands) {
        return combine(operands, true);
    }

    /** Disjunction with three-valued simplification: true wins over unexpressible, false is dropped. */
    static KqlExpr or(List<KqlExpr> operands) {
        return combine(operands, false);
    }

    static KqlExpr and(KqlExpr a, KqlExpr b) {
        return and(List.of(a, b));
    }

    static KqlExpr not(KqlExpr e) {
        if (e instanceof Const c) return new Const(!c.value());
        if (e instanceof Negation n) return n.operand();
        if (e instanceof Unexpressible) return e;
        return new Negation(e);
    }

    private static KqlExpr combine(List<KqlExpr> operands, boolean conjunction) {
        List<KqlExpr> kept = new ArrayList<>();
        List<Diagnostic> unknown = new ArrayList<>();
        boolean unexpressible = false;
        for (KqlExpr e : operands) {
            if (e instanceof Const c) {
                if (c.value() != conjunction) return c;   // absorbing element
                continue;                                  // neutral element
            }
            if (e instanceof Unexpressible u) {
                unknown.addAll(u.reasons());
                unexpressible = true;
                continue;
            }
            if (conjunction && e instanceof All a) kept.addAll(a.operands());
            else if (!conjunction && e instanceof Any a) kept.addAll(a.operands());
            else kept.add(e);
        }
        if (unexpressible) return new Unexpressible(unknown);
        if (kept.isEmpty()) return new Const(conjunction);
        if (kept.size() == 1) return kept.get(0);
        return conjunction ? new All(kept) : new Any(kept);
    }
}
