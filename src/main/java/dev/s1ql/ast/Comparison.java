// The ordering of a COMPARE predicate.
package dev.s1ql.ast;

public enum Comparison {
    LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code cmp} (the sign of left.compareTo(right)) satisfies this ordering. */
    public boolean holds(int cmp) {
        return switch (this) {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }
}
