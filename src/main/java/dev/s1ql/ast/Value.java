// A literal operand: a string (quoted; may still read as a number), a bare number, or a bare boolean.
package dev.s1ql.ast;

public sealed interface Value permits StringValue, NumberValue, BoolValue {

    Span span();

    /** The value as text, as an event field would hold it ({@code "445"} and {@code 445} both give 445). */
    String text();

    Value normalized();
}
