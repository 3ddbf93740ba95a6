// The one way to walk the boolean expression tree: every walker (checker, evaluator compiler, formatters,
// translation lowering) implements this instead of testing `instanceof And/Or/Not` itself, so that a new node
// kind is a compile error in every walker rather than a silent fall-through.
package dev.s1ql.ast;

import java.util.function.Consumer;

public interface ExprVisitor<R> {

    R visitAnd(And and);

    R visitOr(Or or);

    R visitNot(Not not);

    R visitPredicate(Predicate predicate);

    /** Calls {@code action} on every predicate of {@code e}, left to right. */
    static void forEachPredicate(Expr e, Consumer<Predicate> action) {
        e.accept(new ExprVisitor<Void>() {
            @Override
            public Void visitAnd(And and) {
                and.operands().forEach(o -> o.accept(this));
                return null;
            }

            @Override
            public Void visitOr(Or or) {
                or.operands().forEach(o -> o.accept(this));
                return null;
            }

            @Override
            public Void visitNot(Not not) {
                return not.operand().accept(this);
            }

            @Override
            public Void visitPredicate(Predicate predicate) {
                action.accept(predicate);
                return null;
            }
        });
    }
}
