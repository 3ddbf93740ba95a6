// One operand of a lowered test: its text, and its number when the one number rule (NumberText) reads it as one.
package dev.s1ql.translate.core;

import dev.s1ql.ast.NumberText;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.Value;

import java.math.BigDecimal;

/**
 * @param text   the value as text, as an event field would hold it
 * @param number the number it spells (spec §2.6), or null: then every target compares it as text
 * @param source the literal in the query (for positions)
 */
public record Operand(String text, BigDecimal number, Value source) {

    public static Operand of(Value v) {
        return new Operand(v.text(), NumberText.parse(v.text()), v);
    }

    /** The same operand with another text (a corrected enum spelling, a rewritten registry root). */
    public Operand withText(String t) {
        return new Operand(t, NumberText.parse(t), source);
    }

    public boolean isNumber() {
        return number != null;
    }

    public Span span() {
        return source.span();
    }
}
