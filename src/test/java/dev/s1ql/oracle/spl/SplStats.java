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
import java.math.MathContext;
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

    private static final Pattern AGG = Pattern.compile("(\\w+)(?:\\(([^)]*)\\))?(?:\\s+(?:AS|as)\\s+(\"[^\"]*\"|\\S+))?");
    private static final Pattern PERC = Pattern.compile("(?:perc|p|exactperc|upperperc)(\\d+(?:\\.\\d+)?)");

    private record Aggregation(String function, String field, String name) {
    }

    private SplStats() {
    }

    static List<Map<String, Object>> run(String args, List<Map<String, Object>> events) {
        String[] parts = args.split("\\s+(?i:by)\\s+", 2);
        List<Aggregation> aggs = aggregations(parts[0].strip());
        List<String> by = new ArrayList<>();
        if (parts.length > 1) for (String f : parts[1].split("[,\\s]+")) if (!f.isBlank()) by.add(f.strip());
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

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = SplValues.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return 0;
    }

    private static List<Aggregation> aggregations(String text) {
        List<Aggregation> out = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            Matcher m = AGG.matcher(part.strip());
            if (!m.matches()) throw new IllegalArgumentException("not an aggregation: " + part);
            String fn = m.group(1);
            String field = m.group(2) == null ? null : m.group(2).strip();
            String name = m.group(3) != null ? m.group(3).replaceAll("^\"|\"$", "") : field == null ? fn : fn + "(" + field + ")";
            out.add(new Aggregation(fn, field, name));
        }
        return out;
    }

    /** Splits on commas and on spaces between aggregations, not inside parentheses or after AS. */
    private static List<String> splitTopLevel(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\w+(?:\\([^)]*\\))?(?:\\s+(?:AS|as)\\s+(?:\"[^\"]*\"|[^\\s,]+))?").matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static Object aggregate(Aggregation a, List<Map<String, Object>> events) {
        String fn = a.function();
        if (fn.equals("count") && a.field() == null) return BigDecimal.valueOf(events.size());
        List<Object> values = new ArrayList<>();
        int withValue = 0;
        for (Map<String, Object> e : events) {
            Object v = e.get(a.field());
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
                BigDecimal sum = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                return sum.divide(BigDecimal.valueOf(numbers.size()), MathContext.DECIMAL64);
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
