// What a predicate tests, independent of spelling, case sensitivity and negation (spec §4, §12.2).
package dev.s1ql.ast;

public enum MatchKind {
    /** {@code =}, {@code !=}: one value. */
    EQUALS,
    /** {@code In}, {@code Not In}, {@code In AnyCase}: value equals one of a list. */
    IN,
    /** {@code Contains}, {@code ContainsCIS}, {@code Does Not Contain}: substring, one value. */
    CONTAINS,
    /** {@code In Contains [AnyCase]}: substring, any of a list. */
    IN_CONTAINS,
    /** {@code StartsWith[CIS]}: prefix. */
    STARTS_WITH,
    /** {@code EndsWith[CIS]}: suffix. */
    ENDS_WITH,
    /** {@code RegExp}: unanchored regular-expression find; the pattern is taken raw. */
    REGEX,
    /** {@code EXISTS}: field present. */
    EXISTS,
    /** {@code IS EMPTY}, {@code IS NOT EMPTY}: field absent or empty string. */
    EMPTY,
    /** {@code is true}, {@code is false}. */
    BOOL,
    /** {@code BETWEEN a AND b}: inclusive range. */
    RANGE,
    /** {@code < > <= >=}. */
    COMPARE;

    /** Whether the operand is a parenthesised list. */
    public boolean takesList() {
        return this == IN || this == IN_CONTAINS;
    }

    /** Whether this kind compares text, so that case sensitivity applies. */
    public boolean isTextual() {
        return switch (this) {
            case EQUALS, IN, CONTAINS, IN_CONTAINS, STARTS_WITH, ENDS_WITH, REGEX -> true;
            default -> false;
        };
    }
}
