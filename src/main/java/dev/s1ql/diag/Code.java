// The stable diagnostic codes of s1ql. Codes never change meaning; new ones are added at the end of a range.
package dev.s1ql.diag;

/** Each code has a stable id users can grep for and suppress, and a default severity. */
public enum Code {
    // S1xxx: input cannot be parsed (S1010-S1029 reserved for input reliability, issue #13)
    SYNTAX("S1001", Severity.ERROR),
    UNTERMINATED_STRING("S1002", Severity.ERROR),
    TOO_DEEP("S1003", Severity.ERROR),
    EMPTY_QUERY("S1004", Severity.ERROR),
    BAD_ENCODING("S1005", Severity.ERROR),
    BAD_CHARACTER("S1006", Severity.ERROR),
    UNKNOWN_OPERATOR("S1007", Severity.ERROR),
    NUMBER_TOO_LONG("S1010", Severity.ERROR),
    ENGINE_REFUSED("S1011", Severity.ERROR),
    // S20xx: parses, but probably not what was meant
    UNKNOWN_FIELD("S2001", Severity.WARNING),
    SUBSTRING_ON_ENUM("S2002", Severity.WARNING),
    UNKNOWN_ENUM_VALUE("S2003", Severity.WARNING),
    INVALID_REGEX("S2004", Severity.WARNING),
    LIST_TOO_LONG("S2005", Severity.WARNING),
    QUERY_TOO_LONG("S2006", Severity.WARNING),
    NEWLINE_IN_STRICT("S2007", Severity.WARNING),
    COMMENT("S2008", Severity.WARNING),
    TRAILING_BACKSLASH("S2009", Severity.WARNING),
    WILDCARD_IN_EQUALS("S2010", Severity.WARNING),
    ORDER_ON_TEXT("S2011", Severity.WARNING),
    BOOL_ON_NON_BOOL("S2012", Severity.WARNING),
    LEGACY_FIELD("S2013", Severity.WARNING),
    PATHOLOGICAL_REGEX("S2014", Severity.WARNING),
    UNESCAPED_QUOTE("S2015", Severity.WARNING),
    // S25xx: dialects (S1QL 2.0 / PowerQuery); S2505-S2549 reserved for reading all of 2.0 (issue #12)
    MIXED_DIALECT("S2501", Severity.ERROR),
    UNSUPPORTED_2_0("S2502", Severity.ERROR),
    UNDOCUMENTED_2_0("S2503", Severity.WARNING),
    UNKNOWN_COMMAND("S2504", Severity.ERROR),
    /** A function PowerQuery does not have (misspelt, or one such as percentile / coalesce / if). */
    UNKNOWN_FUNCTION("S2505", Severity.ERROR),
    /** A name that does not exist where it is used: after columns / group / top only their names exist. */
    UNKNOWN_NAME("S2506", Severity.ERROR),
    /** transpose or compare not the last stage (commands-reference.md §11, §12). */
    STAGE_NOT_LAST("S2507", Severity.ERROR),
    /** More subqueries than a join or union takes (10; exactly 2 for sql joins). */
    TOO_MANY_SUBQUERIES("S2508", Severity.ERROR),
    /** A regex SentinelOne's Data Lake refuses: lazy quantifier, look-around, named group, over 1,000 bytes. */
    REGEX_NOT_IN_2_0("S2509", Severity.WARNING),
    /** A PowerQuery longer than the query-text limit SentinelOne tooling works to (about 8,192 characters). */
    QUERY_OVER_PQ_LIMIT("S2510", Severity.WARNING),
    /** A documented function that fails on many tenants (first, last). */
    UNRELIABLE_FUNCTION("S2511", Severity.WARNING),
    /** let giving a new value to a name an earlier stage made. */
    NAME_REDEFINED("S2512", Severity.ERROR),
    /** field = * where a value is needed (count(x = *), let y = (x = *)): "Don't understand [*]". */
    PRESENCE_AS_VALUE("S2513", Severity.ERROR),
    /** A function used where it cannot be: wrong argument count, an aggregate outside group, no aggregate in group. */
    FUNCTION_MISUSE("S2514", Severity.ERROR),
    // S30xx: translation to another language (dev.s1ql.translate); approximations are listed in Strictness.
    // S3012-S3049 reserved for the translation core (issue #11), S3100-S3149 for pipeline translation (issue #12)
    TRANSLATION_UNMAPPED_FIELD("S3001", Severity.ERROR),
    TRANSLATION_NO_TABLE("S3002", Severity.ERROR),
    TRANSLATION_UNMAPPED_EVENT("S3003", Severity.ERROR),
    TRANSLATION_APPROXIMATE_FIELD("S3004", Severity.WARNING),
    TRANSLATION_APPROXIMATE_EVENT("S3005", Severity.WARNING),
    TRANSLATION_VALUE_TRANSFORMED("S3006", Severity.WARNING),
    TRANSLATION_APPROXIMATE_VALUE("S3007", Severity.WARNING),
    TRANSLATION_UNSUPPORTED_REGEX("S3008", Severity.ERROR),
    TRANSLATION_EMPTY_VS_MISSING("S3009", Severity.WARNING),
    TRANSLATION_TYPE_MISMATCH("S3010", Severity.ERROR),
    TRANSLATION_TABLE_DROPPED("S3011", Severity.WARNING),
    TRANSLATION_BRANCH_DROPPED("S3012", Severity.WARNING),
    TRANSLATION_EXCLUSION_DROPPED("S3013", Severity.WARNING),
    TRANSLATION_REGEX_DIFFERENCE("S3014", Severity.WARNING),
    REGEX_CASE_READING("S3015", Severity.INFO),
    TRANSLATION_TARGET_LIMIT("S3016", Severity.WARNING),
    // S31xx: PowerQuery pipeline translation (issue #12)
    /** A PowerQuery stage the target cannot express (join, lookup, parse, ...): named, never dropped. */
    PIPELINE_STAGE_NOT_TRANSLATED("S3100", Severity.ERROR),
    /** A function (or argument form) of a pipeline with no translation on the target. */
    PIPELINE_FUNCTION_NOT_TRANSLATED("S3101", Severity.ERROR),
    /** A pipeline translated approximately: an estimated percentile, an aggregate whose order is not kept. */
    PIPELINE_APPROXIMATE("S3102", Severity.WARNING),
    // S35xx: SPL-specific translation notes (S3501 is no longer emitted: regex engine differences are S3014 for
    // every target)
    SPL_REGEX_DIALECT("S3501", Severity.WARNING);

    private final String id;
    private final Severity severity;

    Code(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }
}
