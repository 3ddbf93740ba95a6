// One aggregate call ({@code sum(x)}, {@code count(ok = false)}, {@code p95(x)}) accumulated over the rows of one
// group. Numbers are the values that read as numbers; the others take no part (PowerQuery's NaN-free reading).
package dev.s1ql.eval.pipeline;

import dev.s1ql.ast.PqExpr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An empty input gives null for the numeric aggregates and 0 for the counts. Percentiles interpolate linearly
 * between the two nearest values (PowerQuery does not document its method). {@code estimate_distinct} counts
 * exactly. {@code first} / {@code last} take the first / last row in the current order, null included;
 * {@code any} the first non-null value; {@code array_agg_distinct} returns its values sorted.
 */
final class Aggregator {

    private final PqExpr.Call call;
    private final String fn;
    private final Calculator calc;
    private long rows;
    private long truthy;
    private final List<Double> numbers = new ArrayList<>();
    private final List<PqValue> values = new ArrayList<>();
    private final Set<String> distinct = new LinkedHashSet<>();
    private PqValue first;
    private PqValue last;
    private boolean seen;
    private PqValue bestBy;
    private PqValue bestValue;
    private boolean allTrue = true;

    Aggregator(PqExpr.Call call, Calculator calc) {
        this.call = call;
        this.fn = call.name();
        this.calc = calc;
    }

    void add(Row row) {
        if (call.where() != null && !calc.truthy(call.where(), row)) return;
        rows++;
        if (call.args().isEmpty()) return;
        // the value: pct(N, x) takes x; array_agg(x, N) x; the others their one argument
        PqExpr arg = call.args().get(fn.equals("pct") ? call.args().size() - 1 : 0);
        if (fn.equals("min_by") || fn.equals("max_by")) {
            PqValue x = calc.eval(call.args().get(0), row);
            if (x.isNull()) return; // rows without a value take no part
            // the ordering value is read as a number: rows whose second argument is not a number take no part
            Double byNumber = calc.eval(call.args().get(1), row).asNumber();
            if (byNumber == null) return;
            PqValue by = PqValue.number(byNumber);
            int c = bestBy == null ? -1 : ValueOrder.compare(by, bestBy, fn.equals("max_by"));
            if (c < 0) {
                bestBy = by;
                bestValue = x;
            }
            return;
        }
        PqValue v = fn.equals("count") || fn.equals("any_true") || fn.equals("all_true")
                ? PqValue.of(calc.truthy(arg, row)) : calc.eval(arg, row);
        if (!seen) {
            first = v;
            seen = true;
        }
        last = v;
        if (v.truthy()) truthy++;
        else allTrue = false;
        if (v.isNull()) return;
        Double d = v.asNumber();
        if (d != null) numbers.add(d);
        values.add(v);
        distinct.add(v.asText());
    }

    PqValue result() {
        return switch (fn) {
            case "count" -> PqValue.number(call.args().isEmpty() ? rows : truthy);
            case "sum" -> numbers.isEmpty() ? PqValue.NULL : PqValue.number(numbers.stream().mapToDouble(x -> x).sum());
            case "avg", "mean", "average" -> numbers.isEmpty() ? PqValue.NULL
                    : PqValue.number(numbers.stream().mapToDouble(x -> x).sum() / numbers.size());
            case "min" -> numbers.isEmpty() ? PqValue.NULL : PqValue.number(numbers.stream().mapToDouble(x -> x).min().getAsDouble());
            case "max" -> numbers.isEmpty() ? PqValue.NULL : PqValue.number(numbers.stream().mapToDouble(x -> x).max().getAsDouble());
            case "median" -> percentile(0.5);
            case "p10" -> percentile(0.10);
            case "p50" -> percentile(0.50);
            case "p90" -> percentile(0.90);
            case "p95" -> percentile(0.95);
            case "p99" -> percentile(0.99);
            case "p999" -> percentile(0.999);
            case "pct" -> {
                Double n = literalNumber(call.args().get(0));
                yield n == null ? PqValue.NULL : percentile(n / 100);
            }
            case "estimate_distinct" -> PqValue.number(distinct.size());
            case "array_agg" -> new PqValue.Arr(capped(values));
            case "array_agg_distinct" -> {
                List<String> sorted = new ArrayList<>(distinct);
                sorted.sort(ValueOrder.CODE_POINTS);
                List<PqValue> out = new ArrayList<>();
                for (String s : sorted) out.add(new PqValue.Text(s));
                yield new PqValue.Arr(capped(out));
            }
            case "any" -> values.isEmpty() ? PqValue.NULL : values.get(0);
            case "any_true" -> PqValue.of(truthy > 0);
            case "all_true" -> PqValue.of(seen && allTrue);
            case "first" -> seen ? first : PqValue.NULL;
            case "last" -> seen ? last : PqValue.NULL;
            case "min_by", "max_by" -> bestValue == null ? PqValue.NULL : bestValue;
            default -> PqValue.NULL;
        };
    }

    private List<PqValue> capped(List<PqValue> vs) {
        if (call.args().size() < 2) return vs;
        Double n = literalNumber(call.args().get(1));
        if (n == null || n < 0) return vs;
        return vs.subList(0, (int) Math.min(vs.size(), n.longValue()));
    }

    private static Double literalNumber(PqExpr e) {
        if (e instanceof PqExpr.Literal l) {
            try {
                return Double.valueOf(l.value().text());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    private PqValue percentile(double q) {
        if (numbers.isEmpty() || q < 0 || q > 1) return PqValue.NULL;
        List<Double> sorted = new ArrayList<>(numbers);
        sorted.sort(Double::compare);
        double pos = q * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        double f = pos - lo;
        double v = lo == hi ? sorted.get(lo) : sorted.get(lo) * (1 - f) + sorted.get(hi) * f;
        return PqValue.number(v);
    }
}
