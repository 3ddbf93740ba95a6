// How a condition is laid out: PORTABLE (plain AND / OR, what translate prints) or SCAN, for many rules
// evaluated in one pass as count(*) FILTER (WHERE ...) (the DuckDB engine).
package dev.s1ql.render.sql;

import java.util.List;

/**
 * An aggregate's FILTER is evaluated as an expression, where DuckDB computes both sides of AND and OR for every
 * row; CASE only evaluates a branch on the rows that reach it. So SCAN writes {@code a AND b} as
 * {@code CASE WHEN a THEN b ELSE false END} — the same value, because no operand is ever NULL — so that a rule's
 * later tests run only on the rows its first ones let through (OR stays OR: its chains are long, and the nesting
 * would pass DuckDB's expression depth limit), and reads case-insensitive columns from lower-cased twins
 * ({@link #folded}) that the scan computes once per row instead of once per predicate.
 */
public enum SqlForm {
    PORTABLE, SCAN;

    /** The name of the lower-cased twin of a column. */
    public static String folded(List<String> path) {
        return "s1ql_lower:" + String.join(".", path);
    }

    static String shortCircuitAnd(List<String> operands) {
        String s = operands.get(operands.size() - 1);
        for (int i = operands.size() - 2; i >= 0; i--) s = "CASE WHEN " + operands.get(i) + " THEN " + s + " ELSE false END";
        return s;
    }
}
