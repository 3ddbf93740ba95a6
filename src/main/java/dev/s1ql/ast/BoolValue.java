// An unquoted `true` / `false` literal.
package dev.s1ql.ast;

public record BoolValue(boolean value, Span span) implements Value {
    @Override
    public String text() {
        return Boolean.toString(value);
    }

    @Override
    public Value normalized() {
        return new BoolValue(value, Span.NONE);
    }
}
