// The aggregation functions of summarize, as their pages in the KQL reference describe them
// (learn.microsoft.com/kusto/query/<name>-aggregation-function; summarize-operator for the output column names):
// count() counts rows; countif(p) rows where p is true; dcount(x) distinct non-null values (Kusto estimates; the
// oracle counts exactly, so a test on a large cardinality would differ); sum, avg, min, max ignore nulls
// ("null values": aggregations ignore nulls); make_set/make_list collect (make_set without duplicates; order is
// not defined); the *if forms (sumif, avgif, minif, maxif, dcountif, make_set_if, make_list_if, take_anyif) the
// same over the rows where their predicate is true; take_any(x) any one value (the oracle takes the first);
// percentile(x, p) the nearest-rank
// percentile ("Calculates an estimate for the specified nearest-rank percentile"); arg_max/arg_min(x, cols...) the
// row where x is largest/smallest.
package dev.s1ql.oracle.kql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

final class KqlAggregates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KqlAggregates() {
    }

    /** The default output column name summarize gives an unnamed aggregation. */
    static String defaultName(KqlQuery.Aggregate a) {
        String arg = a.args().isEmpty() ? "" : a.args().get(0) instanceof KqlExpr.Column c ? c.name() : "";
        return switch (a.function()) {
            case "count" -> "count_";
            case "countif" -> "countif_";
            case "make_set" -> "set_" + arg;
            case "make_list" -> "list_" + arg;
            case "percentile" -> "percentile_" + arg + "_" + literalText(a.args().get(1));
            default -> a.function() + "_" + arg;
        };
    }

    private static String literalText(KqlExpr e) {
        return e instanceof KqlExpr.Literal l ? KqlValues.text(l.value()) : "";
    }

    /** The aggregations with a predicate and the plain aggregation each applies to the rows where it is true. */
    private static final java.util.Map<String, String> CONDITIONAL = java.util.Map.of("sumif", "sum", "avgif", "avg",
            "minif", "min", "maxif", "max", "dcountif", "dcount", "make_set_if", "make_set", "make_list_if", "make_list",
            "take_anyif", "take_any");

    /** The value of one aggregation over a group's rows. */
    static Object aggregate(KqlQuery.Aggregate a, List<KqlRow> rows, KqlScalars scalars) {
        List<KqlExpr> args = a.args();
        String plain = CONDITIONAL.get(a.function());
        if (plain != null) {
            // <name>if(expr, predicate [, more]): <name>(expr [, more]) over the rows where predicate is true
            if (args.size() < 2) throw new KqlException(a.function() + "() needs an expression and a predicate");
            List<KqlRow> kept = new ArrayList<>();
            for (KqlRow r : rows) if (scalars.isTrue(args.get(1), r)) kept.add(r);
            List<KqlExpr> rest = new ArrayList<>();
            rest.add(args.get(0));
            rest.addAll(args.subList(2, args.size()));
            return aggregate(new KqlQuery.Aggregate(a.name(), plain, rest), kept, scalars);
        }
        switch (a.function()) {
            case "count":
                if (!args.isEmpty()) {
                    long n = 0;
                    for (KqlRow r : rows) if (scalars.eval(args.get(0), r) != null) n++;
                    return n;
                }
                return (long) rows.size();
            case "countif": {
                long n = 0;
                for (KqlRow r : rows) if (scalars.isTrue(args.get(0), r)) n++;
                return n;
            }
            case "dcount", "count_distinct": {
                Set<Object> seen = new LinkedHashSet<>();
                for (Object v : values(args.get(0), rows, scalars)) seen.add(v);
                return (long) seen.size();
            }
            case "sum": {
                Object total = null;
                for (Object v : values(args.get(0), rows, scalars)) {
                    total = total == null ? v : KqlScalars.arithmetic("+", total, v);
                }
                return total;
            }
            case "avg": {
                double sum = 0;
                int n = 0;
                for (Object v : values(args.get(0), rows, scalars)) {
                    if (!(v instanceof Number x)) throw new KqlException("avg() of " + KqlValues.typeName(v));
                    sum += x.doubleValue();
                    n++;
                }
                return n == 0 ? null : sum / n;
            }
            case "min", "max": {
                Object best = null;
                for (Object v : values(args.get(0), rows, scalars)) {
                    if (best == null) best = v;
                    else {
                        int c = KqlValues.compare(v, best);
                        if (a.function().equals("min") ? c < 0 : c > 0) best = v;
                    }
                }
                return best;
            }
            case "make_set", "make_list": {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                Set<String> seen = new LinkedHashSet<>();
                long max = args.size() > 1 ? (Long) scalars.eval(args.get(1), rows.isEmpty() ? null : rows.get(0)) : Long.MAX_VALUE;
                for (Object v : values(args.get(0), rows, scalars)) {
                    if (arr.size() >= max) break;
                    if (a.function().equals("make_set") && !seen.add(KqlValues.typeName(v) + ":" + KqlValues.text(v))) continue;
                    arr.add(JSON.valueToTree(v instanceof java.time.Instant || v instanceof java.time.Duration
                            ? KqlValues.text(v) : v));
                }
                return arr;
            }
            case "take_any", "any": {
                for (KqlRow r : rows) return scalars.eval(args.get(0), r);
                return null;
            }
            case "percentile": {
                List<Object> vs = new ArrayList<>(values(args.get(0), rows, scalars));
                if (vs.isEmpty()) return null;
                vs.sort(KqlValues::compare);
                Object p = scalars.eval(args.get(1), rows.isEmpty() ? null : rows.get(0));
                if (!(p instanceof Number pct)) throw new KqlException("percentile() needs a number");
                int rank = (int) Math.ceil(pct.doubleValue() / 100.0 * vs.size());
                return vs.get(Math.max(rank, 1) - 1);
            }
            default:
                throw new KqlException("aggregation " + a.function() + "() is not in the oracle's KQL subset");
        }
    }

    /** The row arg_max/arg_min picks (null for an empty group or when every value is null). */
    static KqlRow argRow(KqlQuery.Aggregate a, List<KqlRow> rows, KqlScalars scalars) {
        KqlRow best = null;
        Object bestValue = null;
        for (KqlRow r : rows) {
            Object v = KqlValues.scalar(scalars.eval(a.args().get(0), r));
            if (v == null || (v instanceof String s && s.isEmpty())) continue;
            int c = bestValue == null ? 1 : KqlValues.compare(v, bestValue);
            if (a.function().equals("arg_max") ? c > 0 : c < 0 || bestValue == null) {
                best = r;
                bestValue = v;
            }
        }
        return best;
    }

    private static List<Object> values(KqlExpr e, List<KqlRow> rows, KqlScalars scalars) {
        List<Object> out = new ArrayList<>();
        for (KqlRow r : rows) {
            Object v = KqlValues.scalar(scalars.eval(e, r));
            if (v != null) out.add(v);
        }
        return out;
    }

    static boolean isArg(String function) {
        return function.equals("arg_max") || function.equals("arg_min");
    }

}
