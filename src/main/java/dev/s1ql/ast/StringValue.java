// A double-quoted string literal, decoded by the rule of spec §2.5 (backslash literal; `\"` embeds a quote).
package dev.s1ql.ast;

/**
 * @param value             the decoded value
 * @param trailingBackslash true when the value ends with a backslash that was read by the look-ahead rule of
 *                          spec §2.5 ({@code "...\" OR}); the formatter re-emits it the same way and the
 *                          validator warns about it
 */
public record StringValue(String value, boolean trailingBackslash, Span span) implements Value {
    @Override
    public String text() {
        return value;
    }

    @Override
    public Value normalized() {
        return new StringValue(value, trailingBackslash, Span.NONE);
    }
}
