// What --dialect asks for: a fixed dialect, or auto-detection (the default).
package dev.s1ql.parse;

import dev.s1ql.ast.Dialect;

public enum DialectChoice {
    AUTO(null), S1QL_1(Dialect.S1QL_1), S1QL_2(Dialect.S1QL_2), POWERQUERY(Dialect.POWERQUERY);

    private final Dialect dialect;

    DialectChoice(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** From the command-line spelling: auto, 1.0, 2.0, pq. */
    public static DialectChoice parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> AUTO;
            case "1.0", "1", "v1", "dv" -> S1QL_1;
            case "2.0", "2", "v2" -> S1QL_2;
            case "pq", "powerquery" -> POWERQUERY;
            default -> throw new IllegalArgumentException("unknown dialect '" + s + "': use auto, 1.0, 2.0 or pq");
        };
    }
}
