// Conjunction of two or more expressions (flattened: an And never directly contains an And).
package dev.s1ql.ast;

import java.util.List;

public record And(List<Expr> operands, Span span) implements Expr {
    public And {
        operands = List.copyOf(operands);
        if (operands.size() < 2) throw new IllegalArgumentException("And needs at least two operands");
    }

    @Override
    public Expr normalized() {
        return new And(operands.stream().map(Expr::normalized).toList(), Span.NONE);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitAnd(this);
    }
}
