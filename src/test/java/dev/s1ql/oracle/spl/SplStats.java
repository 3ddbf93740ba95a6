// The stats command: aggregations by groups. From Splunk's Search Reference ("stats command", "Aggregate
// functions", "Event order functions", "Multivalue stats and chart functions"): count (events), count(X) (events
// where X has a value), dc(X) and estdc(X) (distinct values; estdc is an estimate, here exact), sum, avg, min, max
// (numeric values; min/max fall back to text order when no value is numeric), values(X) (distinct values in
// lexicographic order), list(X) (every value, in event order), first(X)/last(X) (the first/last event's value in
// the order the events arrive), perc<N>/p<N>/exactperc<N>/upperperc<N> and median: the nearest-rank percentile
// (limits.conf [stats] perc_method = nearest-rank, Splunk's default, exact below 1000 distinct values). An
// unnamed aggregation's column is named as written, e.g. dc(user). Events missing a by-field are left out, and the
// result is ordered by the by-fields.
package dev.s1ql.oracle.spl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class SplStats {

    private static final Pattern PERC = Pattern.compile("(?:perc|p|exactperc|upperperc)(\\d+(?:\\.\\d+)?)");

    /** One aggregation: its function, and a field or an eval expression (or neither, for count). */
    record Aggregation(String function, String field, SplExpr expr, String name) {
    }

    private SplStats() {
    }

    static List<Map<String, Object>> run(String args, List<Map<String, Object>> events) {
        String[] parts = splitBy(args);
        List<Aggregation> aggs = aggregations(parts[0].strip());
        List<String> by = new ArrayList<>();
        if (parts.length > 1) by.addAll(fieldList(parts[1]));
        Map<List<String>, List<Map<String, Object>>> groups = new TreeMap<>(SplStats::compareKeys);
        for (Map<String, Object> e : events) {
            List<String> key = new ArrayList<>();
            boolean complete = true;
            for (String f : by) {
                Object v = e.get(f);
                if (v == null) complete = false;
                else key.add(SplValues.text(v));
            }
            if (complete) groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        if (by.isEmpty() && groups.isEmpty()) groups.put(List.of(), List.of());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<List<String>, List<Map<String, Object>>> g : groups.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < by.size(); i++) row.put(by.get(i), g.getKey().get(i));
            for (Aggregation a : aggs) {
                Object v = aggregate(a, g.getValue());
                if (v != null) row.put(a.name(), v);
            }
            out.add(row);
        }
        return out;
    }

    /** Field names separated by commas or spaces; a name in double quotes may hold anything but a quote. */
    static List<String> fieldList(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|([^\\s,]+)").matcher(text);
        while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
        return out;
    }

    /**
     * eventstats: the same aggregations over all the results (or per by-group), added to every result as new
     * fields ("eventstats command"); results missing a by-field get nothing added.
     */
    static List<Map<String, Object>> eventstats(String args, List<Map<String, Object>> rows) {
        String[] parts = splitBy(args);
        List<Aggregation> aggs = aggregations(parts[0].strip());
        List<String> by = parts.length > 1 ? fieldList(parts[1]) : List.of();
        Map<List<String>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            List<String> key = new ArrayList<>();
            for (String f : by) key.add(r.get(f) == null ? null : SplValues.text(r.get(f)));
            if (!key.contains(null)) groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        Map<List<String>, Map<String, Object>> values = new LinkedHashMap<>();
        for (Map.Entry<List<String>, List<Map<String, Object>>> g : groups.entrySet()) {
            Map<String, Object> v = new LinkedHashMap<>();
            for (Aggregation a : aggs) v.put(a.name(), aggregate(a, g.getValue()));
            values.put(g.getKey(), v);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            List<String> key = new ArrayList<>();
            for (String f : by) key.add(r.get(f) == null ? null : SplValues.text(r.get(f)));
            Map<String, Object> v = values.get(key);
            if (v != null) v.forEach((k, x) -> { if (x != null) row.put(k, x); });
            out.add(row);
        }
        return out;
    }

    /** The aggregations and the by-fields: split at the last " by " outside parentheses and quotes. */
    static String[] splitBy(String args) {
        int depth = 0;
        boolean quoted = false;
        int at = -1;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isWhitespace(c) && args.regionMatches(true, i + 1, "by", 0, 2)
                    && i + 3 < args.length() && Character.isWhitespace(args.charAt(i + 3))) {
                at = i;
            }
        }
        return at < 0 ? new String[] {args} : new String[] {args.substring(0, at), args.substring(at + 4)};
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = SplValues.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return 0;
    }

    /**
     * The aggregations: {@code fn}, {@code fn(field)} or {@code fn(eval(expression))}, each with an optional
     * {@code AS name}, separated by spaces or commas. An eval argument must be renamed ("stats command": "you must
     * use the AS clause to rename the result of an eval expression").
     */
    static List<Aggregation> aggregations(String text) {
        List<Aggregation> out = new ArrayList<>();
        int pos = 0;
        int n = text.length();
        while (true) {
            while (pos < n && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == ',')) pos++;
            if (pos >= n) break;
            int start = pos;
            while (pos < n && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) pos++;
            String fn = text.substring(start, pos);
            if (fn.isEmpty()) throw new IllegalArgumentException("not an aggregation at " + start + ": " + text);
            String field = null;
            SplExpr expr = null;
            if (pos < n && text.charAt(pos) == '(') {
                int close = closing(text, pos);
                String arg = text.substring(pos + 1, close).strip();
                pos = close + 1;
                if (arg.startsWith("eval(") && arg.endsWith(")")) expr = SplExprParser.parse(arg.substring(5, arg.length() - 1));
                else field = arg.replaceAll("^\"|\"$", "");
            }
            String name = null;
            Matcher as = Pattern.compile("\\s+(?:AS|as)\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,]+)").matcher(text);
            if (as.find(pos) && as.start() == pos) {
                name = as.group(1).startsWith("\"") ? as.group(1).substring(1, as.group(1).length() - 1)
                        .replace("\\\"", "\"").replace("\\\\", "\\") : as.group(1);
                pos = as.end();
            }
            if (expr != null && name == null) throw new IllegalArgumentException("an eval expression in stats needs AS: " + text);
            if (name == null) name = field == null ? fn : fn + "(" + field + ")";
            out.add(new Aggregation(fn, field, expr, name));
        }
        return out;
    }

    /** The index of the parenthesis closing the one at {@code open}, outside double-quoted strings. */
    private static int closing(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses: " + text);
    }

    private static Object aggregate(Aggregation a, List<Map<String, Object>> events) {
        String fn = a.function();
        if (fn.equals("count") && a.field() == null && a.expr() == null) return BigDecimal.valueOf(events.size());
        List<Object> values = new ArrayList<>();
        int withValue = 0;
        for (Map<String, Object> e : events) {
            Object v = a.expr() != null ? SplEvaluator.eval(a.expr(), e) : e.get(a.field());
            if (v instanceof Boolean) throw new IllegalArgumentException("a boolean eval result in stats: " + a.name());
            if (v == null) continue;
            withValue++;
            values.addAll(SplValues.values(v));
        }
        List<BigDecimal> numbers = new ArrayList<>();
        for (Object v : values) {
            BigDecimal d = SplValues.number(v);
            if (d != null) numbers.add(d);
        }
        Matcher perc = PERC.matcher(fn);
        if (perc.matches() || fn.equals("median")) {
            if (numbers.isEmpty()) return null;
            double p = fn.equals("median") ? 50 : Double.parseDouble(perc.group(1));
            numbers.sort(Comparator.naturalOrder());
            int rank = (int) Math.ceil(p / 100.0 * numbers.size());
            return numbers.get(Math.max(rank, 1) - 1);
        }
        switch (fn) {
            case "count":
                return BigDecimal.valueOf(withValue);
            case "dc", "distinct_count", "estdc": {
                Set<String> distinct = new LinkedHashSet<>();
                for (Object v : values) distinct.add(SplValues.text(v));
                return BigDecimal.valueOf(distinct.size());
            }
            case "sum": {
                if (numbers.isEmpty()) return null;
                return numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            case "avg", "mean": {
                if (numbers.isEmpty()) return null;
                // Splunk computes in double precision floating point
                BigDecimal sum = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal avg = new BigDecimal(Double.toString(sum.doubleValue() / numbers.size()));
                return avg.stripTrailingZeros().scale() <= 0 ? avg.setScale(0, java.math.RoundingMode.UNNECESSARY) : avg;
            }
            case "min", "max": {
                boolean max = fn.equals("max");
                if (!numbers.isEmpty()) return max ? numbers.stream().max(Comparator.naturalOrder()).get()
                        : numbers.stream().min(Comparator.naturalOrder()).get();
                Object best = null;
                for (Object v : values) {
                    if (best == null || (max ? SplValues.text(v).compareTo(SplValues.text(best)) > 0
                            : SplValues.text(v).compareTo(SplValues.text(best)) < 0)) best = v;
                }
                return best;
            }
            case "values": {
                Set<String> distinct = new java.util.TreeSet<>();
                for (Object v : values) distinct.add(SplValues.text(v));
                return distinct.isEmpty() ? null : new ArrayList<Object>(distinct);
            }
            case "list":
                return values.isEmpty() ? null : new ArrayList<>(values);
            case "first":
                return values.isEmpty() ? null : values.get(0);
            case "last":
                return values.isEmpty() ? null : values.get(values.size() - 1);
            default:
                throw new IllegalArgumentException("stats function " + fn + " is not in the oracle's SPL subset");
        }
    }
}
