// Prefix boolean negation (`NOT x`). Operator-internal negations (`Not In`, `!=`) live in Operator instead.
package dev.s1ql.ast;

public record Not(Expr operand, Span span) implements Expr {
    @Override
    public Expr normalized() {
        return new Not(operand.normalized(), Span.NONE);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
