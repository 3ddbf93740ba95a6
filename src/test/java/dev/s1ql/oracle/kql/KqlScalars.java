// Evaluates KQL scalar expressions on one row. Null rules from "null values" and "Logical (binary) operators"
// (learn.microsoft.com/kusto/query/scalar-data-types/null-values, .../logical-operators): a string is never null;
// == of null and a value is false, != is true; <, >, between with a null give null; `and` is true only when both
// sides are true and `or` when either is, so a null side acts as false; `where` keeps only rows whose predicate is
// true. in/!in: in-operator (case-sensitive; in~ ignores case; a tabular subquery gives its first column).
// Functions: see KqlFunctions.
package dev.s1ql.oracle.kql;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

final class KqlScalars {

    private final KqlEngine engine;
    private final Map<KqlQuery, List<Object>> subqueries = new IdentityHashMap<>();

    KqlScalars(KqlEngine engine) {
        this.engine = engine;
    }

    /** The predicate as `where` reads it: only true keeps the row. */
    boolean isTrue(KqlExpr e, KqlRow row) {
        Object v = eval(e, row);
        if (v != null && !(v instanceof Boolean)) throw new KqlException("where needs a bool, got " + KqlValues.typeName(v));
        return Boolean.TRUE.equals(v);
    }

    Object eval(KqlExpr e, KqlRow row) {
        if (e instanceof KqlExpr.Literal l) return l.value();
        if (e instanceof KqlExpr.Column c) return row.column(c.name());
        if (e instanceof KqlExpr.Negate n) return negate(eval(n.operand(), row));
        if (e instanceof KqlExpr.Binary b) return binary(b, row);
        if (e instanceof KqlExpr.InList in) return in(in, row);
        if (e instanceof KqlExpr.Between b) return between(b, row);
        if (e instanceof KqlExpr.Member m) return member(eval(m.target(), row), m.name());
        if (e instanceof KqlExpr.Index x) return index(eval(x.target(), row), eval(x.index(), row));
        KqlExpr.Call c = (KqlExpr.Call) e;
        return KqlFunctions.call(c.function(), args(c, row));
    }

    private List<Object> args(KqlExpr.Call c, KqlRow row) {
        // iff/case/coalesce evaluate their arguments lazily in Kusto too, but none of them has side effects here
        List<Object> out = new ArrayList<>();
        for (KqlExpr a : c.args()) out.add(eval(a, row));
        return out;
    }

    private Object binary(KqlExpr.Binary b, KqlRow row) {
        String op = b.op();
        if (op.equals("and")) return bool(eval(b.left(), row), op) && bool(eval(b.right(), row), op);
        if (op.equals("or")) return bool(eval(b.left(), row), op) || bool(eval(b.right(), row), op);
        Object l = eval(b.left(), row);
        Object r = eval(b.right(), row);
        switch (op) {
            case "+", "-", "*", "/", "%":
                return arithmetic(op, l, r);
            case "==":
                return KqlValues.equal(scalarOf(l), scalarOf(r));
            case "!=": {
                Boolean eq = KqlValues.equal(scalarOf(l), scalarOf(r));
                return eq == null ? null : !eq;
            }
            case "<", "<=", ">", ">=": {
                l = scalarOf(l);
                r = scalarOf(r);
                if (l == null || r == null) return null;
                int c = KqlValues.compare(l, r);
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
            default:
                boolean negated = op.startsWith("!");
                String base = negated ? op.substring(1) : op;
                if (base.equals("~")) base = "=~";
                boolean v = KqlStringOperators.test(base, text(l, op), text(r, op));
                return negated != v;
        }
    }

    /** A string operator's operand: a string, or a dynamic value's text (Kusto converts dynamic implicitly). */
    private static String text(Object v, String op) {
        if (v instanceof String s) return s;
        if (v instanceof JsonNode || v == null) return KqlValues.text(v);
        throw new KqlException("operator " + op + " needs string operands, got " + KqlValues.typeName(v));
    }

    private static Object scalarOf(Object v) {
        return KqlValues.scalar(v);
    }

    private static boolean bool(Object v, String op) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        throw new KqlException("'" + op + "' needs bool operands, got " + KqlValues.typeName(v));
    }

    private Object in(KqlExpr.InList in, KqlRow row) {
        Object left = scalarOf(eval(in.left(), row));
        List<Object> items = in.subquery() != null ? subquery(in.subquery()) : new ArrayList<>();
        if (in.subquery() == null) {
            for (KqlExpr item : in.items()) {
                Object v = eval(item, row);
                if (v instanceof JsonNode n && n.isArray()) n.forEach(x -> items.add(KqlValues.scalar(x)));
                else items.add(v);
            }
        }
        String op = in.op();
        if (op.equals("has_any") || op.equals("has_all")) {
            String text = text(left, op);
            boolean all = op.equals("has_all");
            for (Object item : items) {
                boolean has = KqlStringOperators.hasTerm(KqlStringOperators.fold(text),
                        KqlStringOperators.fold(text(item, op)), true, true);
                if (has && !all) return true;
                if (!has && all) return false;
            }
            return all;
        }
        boolean ignoreCase = op.endsWith("~");
        boolean found = false;
        if (left != null) {
            for (Object item : items) {
                Object v = scalarOf(item);
                if (v == null) continue;
                boolean eq = ignoreCase ? KqlStringOperators.test("=~", text(left, op), text(v, op))
                        : Boolean.TRUE.equals(KqlValues.equal(left, v));
                if (eq) {
                    found = true;
                    break;
                }
            }
        }
        return op.startsWith("!") != found;
    }

    private List<Object> subquery(KqlQuery q) {
        return subqueries.computeIfAbsent(q, k -> {
            KqlTable t = engine.run(k);
            if (t.columns().isEmpty()) throw new KqlException("subquery has no columns");
            KqlColumn first = t.columns().get(0);
            List<Object> out = new ArrayList<>();
            for (Map<String, Object> r : t.rows()) out.add(KqlTable.value(r, first));
            return out;
        });
    }

    private Object between(KqlExpr.Between b, KqlRow row) {
        Object v = scalarOf(eval(b.value(), row));
        Object low = scalarOf(eval(b.low(), row));
        Object high = scalarOf(eval(b.high(), row));
        if (v == null || low == null || high == null) return null;
        boolean inside = KqlValues.compare(v, low) >= 0 && KqlValues.compare(v, high) <= 0;
        return b.negated() != inside;
    }

    private static Object member(Object target, String name) {
        if (target == null) return null;
        if (!(target instanceof JsonNode n)) {
            throw new KqlException("property access ." + name + " on a " + KqlValues.typeName(target) + " (needs dynamic)");
        }
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private static Object index(Object target, Object idx) {
        if (target == null || idx == null) return null;
        if (!(target instanceof JsonNode n)) throw new KqlException("index on a " + KqlValues.typeName(target));
        if (idx instanceof String s) return member(target, s);
        if (!(idx instanceof Long i)) throw new KqlException("array index must be a long");
        int at = (int) (i < 0 ? n.size() + i : i);
        JsonNode v = at >= 0 && at < n.size() ? n.get(at) : null;
        return v == null || v.isNull() ? null : v;
    }

    private static Object negate(Object v) {
        if (v == null) return null;
        if (v instanceof Long l) return -l;
        if (v instanceof Double d) return -d;
        if (v instanceof Duration d) return d.negated();
        throw new KqlException("unary minus on " + KqlValues.typeName(v));
    }

    static Object arithmetic(String op, Object l, Object r) {
        l = KqlValues.scalar(l);
        r = KqlValues.scalar(r);
        if (l == null || r == null) return null;
        if (l instanceof Long a && r instanceof Long b) {
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "/" -> b == 0 ? null : a / b;
                default -> b == 0 ? null : a % b;
            };
        }
        if (l instanceof Number a && r instanceof Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> x / y;
                default -> x % y;
            };
        }
        if (l instanceof Instant t && r instanceof Duration d) {
            if (op.equals("+")) return t.plus(d);
            if (op.equals("-")) return t.minus(d);
        }
        if (l instanceof Instant a && r instanceof Instant b && op.equals("-")) return Duration.between(b, a);
        if (l instanceof Duration a && r instanceof Duration b) {
            if (op.equals("+")) return a.plus(b);
            if (op.equals("-")) return a.minus(b);
        }
        throw new KqlException("cannot apply '" + op + "' to " + KqlValues.typeName(l) + " and " + KqlValues.typeName(r));
    }
}
