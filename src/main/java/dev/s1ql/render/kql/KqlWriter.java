// Prints a KqlExpr as KQL text. Long and/or chains are split into balanced parenthesised groups: Kusto's
// parser nests a chain one level per operator and gives up ("Query syntax depth exceeds maximum safe
// limit") at around a thousand, which real rules with ~1,000 alternatives reach.
package dev.s1ql.render.kql;

import java.util.ArrayList;
import java.util.List;

public final class KqlWriter {

    /** Most operands printed side by side in one chain; larger chains become groups of groups. */
    static final int GROUP = 16;

    private KqlWriter() {
    }

    public static String write(KqlExpr e) {
        if (e instanceof KqlExpr.Atom a) return a.text();
        if (e instanceof KqlExpr.Negation n) return "not(" + write(n.operand()) + ")";
        // not(a) and not(b), as the translation core's negation normal form has it, reads as not(a or b)
        if (e instanceof KqlExpr.All a && allNegated(a.operands())) return "not(" + chain(inner(a.operands()), " or ") + ")";
        if (e instanceof KqlExpr.Any a && allNegated(a.operands())) return "not(" + chain(inner(a.operands()), " and ") + ")";
        if (e instanceof KqlExpr.All a && a.operands().stream().filter(x -> x instanceof KqlExpr.Negation).count() >= 2) {
            return chain(groupNegations(a.operands()), " and ");
        }
        if (e instanceof KqlExpr.All a) return chain(a.operands(), " and ");
        if (e instanceof KqlExpr.Any a) return chain(a.operands(), " or ");
        if (e instanceof KqlExpr.Const c) return c.value() ? "true" : "false";
        throw new IllegalArgumentException("cannot print " + e);
    }

    /** a and not(b) and not(c) as a and not(b or c): the exclusions together, at the place of the first. */
    private static List<KqlExpr> groupNegations(List<KqlExpr> operands) {
        List<KqlExpr> negs = operands.stream().filter(x -> x instanceof KqlExpr.Negation).toList();
        KqlExpr grouped = new KqlExpr.Negation(new KqlExpr.Any(inner(negs)));
        List<KqlExpr> out = new ArrayList<>();
        for (KqlExpr x : operands) {
            if (!(x instanceof KqlExpr.Negation)) out.add(x);
            else if (x == negs.get(0)) out.add(grouped);
        }
        return out;
    }

    private static boolean allNegated(List<KqlExpr> operands) {
        return operands.size() > 1 && operands.stream().allMatch(x -> x instanceof KqlExpr.Negation);
    }

    private static List<KqlExpr> inner(List<KqlExpr> negations) {
        return negations.stream().map(x -> ((KqlExpr.Negation) x).operand()).toList();
    }

    private static String chain(List<KqlExpr> operands, String op) {
        List<String> parts = new ArrayList<>();
        for (KqlExpr x : operands) {
            // and binds tighter than or in KQL, but mixed chains read better with explicit parentheses.
            boolean group = x instanceof KqlExpr.All || x instanceof KqlExpr.Any;
            parts.add(group ? "(" + write(x) + ")" : write(x));
        }
        while (parts.size() > GROUP) {
            List<String> grouped = new ArrayList<>();
            for (int i = 0; i < parts.size(); i += GROUP) {
                List<String> slice = parts.subList(i, Math.min(parts.size(), i + GROUP));
                grouped.add(slice.size() == 1 ? slice.get(0) : "(" + String.join(op, slice) + ")");
            }
            parts = grouped;
        }
        return String.join(op, parts);
    }
}
