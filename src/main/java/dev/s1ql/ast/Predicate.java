// One condition: field, operator and operand values (none for EXISTS/EMPTY, one, two for BETWEEN, or a list).
package dev.s1ql.ast;

import java.util.List;

public record Predicate(FieldRef field, Operator operator, List<Value> values, Span span) implements Expr {

    public Predicate {
        values = List.copyOf(values);
    }

    /** The single operand of a one-value operator. */
    public Value value() {
        if (values.size() != 1) throw new IllegalStateException(operator.kind() + " has " + values.size() + " values");
        return values.get(0);
    }

    @Override
    public Expr normalized() {
        return new Predicate(field.normalized(), operator.normalized(),
                values.stream().map(Value::normalized).toList(), Span.NONE);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitPredicate(this);
    }
}
