// Expressions of PowerQuery stages (filter, let, columns, group, sort, top): literals, names, function calls,
// arithmetic, comparisons, logic, the ternary, and the filter language's tests. Immutable; every node has a span.
package dev.s1ql.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A condition the filter language can say on its own ({@code x = 'a'}, {@code x contains 'a'}, {@code x = *},
 * and, or, not of those) is one {@link Test} holding the filter-language {@link Expr}, so that a {@code | filter}
 * stage made only of such conditions has exactly the tree the initial filter would have. The other nodes are for
 * what only a pipeline computes: {@code len(x) > 3}, {@code a = b}, {@code x != null}, {@code n * 100 / total}.
 */
public sealed interface PqExpr {

    Span span();

    /** A copy with every span set to {@link Span#NONE} and spellings canonicalised, for structural comparison. */
    PqExpr normalized();

    /** A string, number or boolean constant. */
    record Literal(Value value, Span span) implements PqExpr {
        @Override
        public PqExpr normalized() {
            return new Literal(value.normalized(), Span.NONE);
        }
    }

    /** {@code null}. */
    record Null(Span span) implements PqExpr {
        @Override
        public PqExpr normalized() {
            return new Null(Span.NONE);
        }
    }

    /** A field of the event or a name an earlier stage made ({@code let}, {@code columns}, {@code group}). */
    record Name(FieldRef field) implements PqExpr {
        @Override
        public Span span() {
            return field.span();
        }

        @Override
        public PqExpr normalized() {
            return new Name(new FieldRef(field.written(), field.resolved(), Span.NONE));
        }
    }

    /**
     * A function call. {@code x.f(y)} (method chaining) is the call {@code f(x, y)}.
     *
     * @param function the name as written (functions are looked up without case)
     * @param where    an aggregate's {@code where} condition ({@code mean(size where path contains 'temp')}),
     *                 or null
     */
    record Call(String function, List<PqExpr> args, PqExpr where, Span span) implements PqExpr {
        public Call {
            args = List.copyOf(args);
        }

        /** The function name in lower case. */
        public String name() {
            return function.toLowerCase(Locale.ROOT);
        }

        @Override
        public PqExpr normalized() {
            return new Call(name(), args.stream().map(PqExpr::normalized).toList(),
                    where == null ? null : where.normalized(), Span.NONE);
        }
    }

    /** {@code -x} or {@code !x} / {@code not x} on a computed value. */
    record Unary(UnaryOp op, PqExpr operand, Span span) implements PqExpr {
        @Override
        public PqExpr normalized() {
            return new Unary(op, operand.normalized(), Span.NONE);
        }
    }

    /** Arithmetic, a comparison of two computed values, or and / or over computed values. */
    record Binary(BinaryOp op, PqExpr left, PqExpr right, Span span) implements PqExpr {
        @Override
        public PqExpr normalized() {
            return new Binary(op, left.normalized(), right.normalized(), Span.NONE);
        }
    }

    /** {@code condition ? then : otherwise}. */
    record Conditional(PqExpr condition, PqExpr then, PqExpr otherwise, Span span) implements PqExpr {
        @Override
        public PqExpr normalized() {
            return new Conditional(condition.normalized(), then.normalized(), otherwise.normalized(), Span.NONE);
        }
    }

    /**
     * A filter-language operator on a computed value ({@code lower(x) contains 'a'}, {@code len(x) in (3, 4)}):
     * the operator means what it means in a {@link Predicate}.
     */
    record Match(PqExpr subject, Operator operator, List<Value> values, Span span) implements PqExpr {
        public Match {
            values = List.copyOf(values);
        }

        @Override
        public PqExpr normalized() {
            return new Match(subject.normalized(), operator.normalized(),
                    values.stream().map(Value::normalized).toList(), Span.NONE);
        }
    }

    /** A filter-language condition over fields and names. */
    record Test(Expr expr) implements PqExpr {
        @Override
        public Span span() {
            return expr.span();
        }

        @Override
        public PqExpr normalized() {
            return new Test(expr.normalized());
        }
    }

    enum UnaryOp {
        NEGATE("-"), NOT("!");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Binary operators with their spelling and precedence (higher binds tighter). */
    enum BinaryOp {
        OR("or", 1), AND("and", 2),
        EQ("=", 3), NE("!=", 3), LT("<", 3), LE("<=", 3), GT(">", 3), GE(">=", 3),
        ADD("+", 4), SUB("-", 4), MUL("*", 5), DIV("/", 5), MOD("%", 5);

        private final String symbol;
        private final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        public int precedence() {
            return precedence;
        }

        public boolean isComparison() {
            return precedence == 3;
        }

        public boolean isArithmetic() {
            return precedence >= 4;
        }

        public boolean isLogical() {
            return precedence <= 2;
        }
    }

    /**
     * The outermost aggregate calls of a group value ({@code sum(x) / 1024} has one, {@code sum(x)}); their
     * arguments are row expressions.
     */
    static List<Call> aggregateCalls(PqExpr e) {
        List<Call> out = new ArrayList<>();
        for (PqExpr n : List.of(e)) collectAggregates(n, out);
        return out;
    }

    private static void collectAggregates(PqExpr e, List<Call> out) {
        if (e instanceof Call c && dev.s1ql.catalog.PqFunctions.defaults().isAggregate(c.name(), c.args().size())) {
            out.add(c);
            return;
        }
        if (e instanceof Call c) c.args().forEach(a -> collectAggregates(a, out));
        else if (e instanceof Unary u) collectAggregates(u.operand(), out);
        else if (e instanceof Binary b) {
            collectAggregates(b.left(), out);
            collectAggregates(b.right(), out);
        } else if (e instanceof Conditional c) {
            collectAggregates(c.condition(), out);
            collectAggregates(c.then(), out);
            collectAggregates(c.otherwise(), out);
        } else if (e instanceof Match m) {
            collectAggregates(m.subject(), out);
        }
    }

    /** Every node of {@code e}, depth first, parents before children (filter-language trees not entered). */
    static List<PqExpr> nodes(PqExpr e) {
        List<PqExpr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(PqExpr e, List<PqExpr> out) {
        out.add(e);
        if (e instanceof Call c) {
            c.args().forEach(a -> collect(a, out));
            if (c.where() != null) collect(c.where(), out);
        } else if (e instanceof Unary u) {
            collect(u.operand(), out);
        } else if (e instanceof Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Conditional c) {
            collect(c.condition(), out);
            collect(c.then(), out);
            collect(c.otherwise(), out);
        } else if (e instanceof Match m) {
            collect(m.subject(), out);
        }
    }
}
