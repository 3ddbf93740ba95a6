// The regular-expression engines translation targets run. SentinelOne's patterns are java.util.regex patterns
// (1.0 RegExp, 2.0 matches); each engine reads some of their syntax differently or not at all.
package dev.s1ql.regex;

public enum RegexEngine {
    /** java.util.regex, as SentinelOne and Spark SQL run it: patterns pass unchanged. */
    JAVA("Java"),
    /** RE2, as Microsoft Kusto (KQL) and DuckDB run it: no look-around, back-references or possessive forms. */
    RE2("RE2"),
    /** PCRE, as Splunk's match() and regex command run it. */
    PCRE("PCRE"),
    /** Trino's regexp functions: Java syntax with Trino's documented exceptions ((?d), (?u) unsupported). */
    TRINO("Trino (Joni)"),
    /**
     * SentinelOne's own 2.0 engine: java.util.regex with the limits SentinelOne documents for 2.0 (no look-around,
     * no named groups, no lazy quantifiers, at most 1,000 bytes). Patterns pass unchanged; the limits are warnings.
     */
    S1_2_0("SentinelOne 2.0");

    private final String label;

    RegexEngine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
