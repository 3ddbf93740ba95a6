// Evaluates stage expressions on a row (docs/powerquery.md, "Values"): arithmetic on numbers (text that reads as
// a number counts), `+` joins text, comparisons of computed values, value-returning and / or, the ternary, and
// the filter language's tests, which are compiled like queries (RowMatcher) so they mean what they mean on events.
package dev.s1ql.eval.pipeline;

import dev.s1ql.ast.Dialect;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.NumberValue;
import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.StringValue;
import dev.s1ql.ast.BoolValue;
import dev.s1ql.catalog.PqFunctions;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.RowMatcher;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

final class Calculator {

    /** The name a computed subject is tested under ({@code lower(x) contains 'a'}). */
    private static final String SUBJECT = "s1ql:subject";

    private final Dialect dialect;
    private final EvalOptions options;
    private final Map<PqExpr, RowMatcher> matchers = new IdentityHashMap<>();
    /** Results of aggregate calls for the group being finished, and totals of overall calls for the stage. */
    private final Map<PqExpr.Call, PqValue> known = new IdentityHashMap<>();

    Calculator(Dialect dialect, EvalOptions options) {
        this.dialect = dialect;
        this.options = options;
    }

    /** Makes an aggregate's (or overall function's) value known while the enclosing expression is evaluated. */
    void know(PqExpr.Call call, PqValue value) {
        known.put(call, value);
    }

    void forget() {
        known.clear();
    }

    PqValue eval(PqExpr e, Row row) {
        if (e instanceof PqExpr.Literal l) {
            if (l.value() instanceof StringValue s) return new PqValue.Text(s.value());
            if (l.value() instanceof NumberValue n) return PqValue.number(n.number().doubleValue());
            return PqValue.of(((BoolValue) l.value()).value());
        }
        if (e instanceof PqExpr.Null) return PqValue.NULL;
        if (e instanceof PqExpr.Name n) return row.get(n.field().written());
        if (e instanceof PqExpr.Test t) return PqValue.of(test(t, row));
        if (e instanceof PqExpr.Match m) return PqValue.of(match(m, row));
        if (e instanceof PqExpr.Conditional c) return eval(c.condition(), row).truthy() ? eval(c.then(), row) : eval(c.otherwise(), row);
        if (e instanceof PqExpr.Unary u) {
            PqValue v = eval(u.operand(), row);
            if (u.op() == PqExpr.UnaryOp.NOT) return PqValue.of(!v.truthy());
            Double d = v.asNumber();
            return d == null ? PqValue.NULL : PqValue.number(-d);
        }
        if (e instanceof PqExpr.Binary b) return binary(b, row);
        PqExpr.Call c = (PqExpr.Call) e;
        PqValue k = known.get(c);
        if (k != null) return k;
        PqFunctions.Function f = PqFunctions.defaults().lookup(c.name());
        if (f == null || !f.evaluated() || PqFunctions.defaults().isAggregate(c.name(), c.args().size())
                || f.kind() == PqFunctions.Kind.OVERALL) {
            return PqValue.NULL; // reported when the pipeline was compiled
        }
        PqValue[] args = new PqValue[c.args().size()];
        for (int i = 0; i < args.length; i++) args[i] = eval(c.args().get(i), row);
        return ScalarFunctions.call(c.name(), args);
    }

    boolean truthy(PqExpr e, Row row) {
        if (e instanceof PqExpr.Test t) return test(t, row);
        return eval(e, row).truthy();
    }

    private boolean test(PqExpr.Test t, Row row) {
        RowMatcher m = matchers.computeIfAbsent(t, x -> RowMatcher.of(t.expr(), dialect, options));
        return m.test(name -> text(row.column(name)), row.event);
    }

    private boolean match(PqExpr.Match m, Row row) {
        RowMatcher rm = matchers.computeIfAbsent(m, x -> RowMatcher.of(new Predicate(new FieldRef(SUBJECT, null,
                Span.NONE), m.operator(), m.values(), m.span()), dialect, options));
        String subject = eval(m.subject(), row).asText();
        return rm.test(name -> name.equals(SUBJECT) ? subject : null, null);
    }

    private static String text(PqValue v) {
        return v == null ? null : v.asText();
    }

    private PqValue binary(PqExpr.Binary b, Row row) {
        PqExpr.BinaryOp op = b.op();
        if (op == PqExpr.BinaryOp.AND || op == PqExpr.BinaryOp.OR) {
            // value-returning: `a || b` is a when a is truthy, else b (AISIEM syntax-and-operators §7)
            PqValue left = eval(b.left(), row);
            boolean decided = op == PqExpr.BinaryOp.OR ? left.truthy() : !left.truthy();
            return decided ? left : eval(b.right(), row);
        }
        PqValue l = eval(b.left(), row);
        PqValue r = eval(b.right(), row);
        if (op.isComparison()) return PqValue.of(compare(op, l, r));
        Double x = l.asNumber();
        Double y = r.asNumber();
        if (op == PqExpr.BinaryOp.ADD && ((l instanceof PqValue.Text && x == null) || (r instanceof PqValue.Text && y == null))) {
            // `+` with a text that is not a number joins the two as text (null as nothing)
            return new PqValue.Text((l.isNull() ? "" : l.asText()) + (r.isNull() ? "" : r.asText()));
        }
        if (x == null || y == null) return PqValue.NULL;
        return switch (op) {
            case ADD -> PqValue.number(x + y);
            case SUB -> PqValue.number(x - y);
            case MUL -> PqValue.number(x * y);
            case DIV -> y == 0 ? PqValue.NULL : PqValue.number(x / y);
            default -> y == 0 ? PqValue.NULL : PqValue.number(x % y);
        };
    }

    /**
     * Numbers (text reading as one included) compare as numbers, two texts as text (case-sensitive, by code
     * point), two booleans false &lt; true; null equals only null. Anything else is unequal and unordered: the
     * ordering comparisons are false for it.
     */
    static boolean compare(PqExpr.BinaryOp op, PqValue l, PqValue r) {
        int c;
        if (l.isNull() || r.isNull()) {
            boolean same = l.isNull() && r.isNull();
            return op == PqExpr.BinaryOp.EQ ? same : op == PqExpr.BinaryOp.NE && !same;
        }
        Double x = l.asNumber();
        Double y = r.asNumber();
        if (x != null && y != null) c = Double.compare(x, y) == 0 || x.doubleValue() == y.doubleValue() ? 0 : x < y ? -1 : 1;
        else if (l instanceof PqValue.Text lt && r instanceof PqValue.Text rt) c = ValueOrder.codePoints(lt.value(), rt.value());
        else if (l instanceof PqValue.Bool lb && r instanceof PqValue.Bool rb) c = Boolean.compare(lb.value(), rb.value());
        else return op == PqExpr.BinaryOp.NE;
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /** Every call in {@code e} that PowerQuery has but s1ql does not evaluate. */
    static List<PqExpr.Call> unevaluated(PqExpr e) {
        return PqExpr.nodes(e).stream().filter(n -> n instanceof PqExpr.Call).map(n -> (PqExpr.Call) n)
                .filter(c -> {
                    PqFunctions.Function f = PqFunctions.defaults().lookup(c.name());
                    return f != null && !f.evaluated();
                }).toList();
    }
}
