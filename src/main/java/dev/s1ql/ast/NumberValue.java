// An unquoted number literal (`CrossProcOpenProcCount > 0`). Quoted numbers are StringValues.
package dev.s1ql.ast;

import java.math.BigDecimal;

public record NumberValue(String literal, BigDecimal number, Span span) implements Value {
    @Override
    public String text() {
        return literal;
    }

    @Override
    public Value normalized() {
        return new NumberValue(literal, number, Span.NONE);
    }
}
