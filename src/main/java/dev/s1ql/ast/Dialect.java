// The three SentinelOne query languages (spec §1).
package dev.s1ql.ast;

public enum Dialect {
    /** Deep Visibility S1QL 1.0: CamelCase fields, multi-word operators. */
    S1QL_1("1.0"),
    /** S1QL 2.0 filter: dotted fields, contains/in/matches with :anycase/:matchcase. */
    S1QL_2("2.0"),
    /** PowerQuery: a 2.0 filter plus '|' pipeline stages. */
    POWERQUERY("pq");

    private final String label;

    Dialect(String label) {
        this.label = label;
    }

    /** The name used on the command line ({@code --dialect 1.0|2.0|pq}). */
    public String label() {
        return label;
    }
}
