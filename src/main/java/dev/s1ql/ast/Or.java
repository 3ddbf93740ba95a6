// Disjunction of two or more expressions (flattened: an Or never directly contains an Or).
package dev.s1ql.ast;

import java.util.List;

public record Or(List<Expr> operands, Span span) implements Expr {
    public Or {
        operands = List.copyOf(operands);
        if (operands.size() < 2) throw new IllegalArgumentException("Or needs at least two operands");
    }

    @Override
    public Expr normalized() {
        return new Or(operands.stream().map(Expr::normalized).toList(), Span.NONE);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitOr(this);
    }
}
