// PowerQuery stages after the filter as KQL operators: filter -> where, let -> extend, columns -> project,
// group -> summarize ... by (then sort by the keys, as PowerQuery orders group output), sort -> sort by, limit ->
// take, top -> summarize + sort + take + row_number(). The rows are the built-in engine's (docs/powerquery.md) where
// KQL can say the same; what it only approximates is a warning (S3102), what it cannot say an error naming the stage
// (S3100) or function (S3101).
package dev.s1ql.render.kql;

import dev.s1ql.ast.Dialect;
import dev.s1ql.ast.PipelineScope;
import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.Stage;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.render.kql.PipelineExprKql.Kql;
import dev.s1ql.render.kql.PipelineExprKql.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row order: a KQL table has none, so a limit before any sort or group takes any rows (S3102); a sort is written
 * when a stage needs its order or at the end, with the order it refines (a group's keys) as tie-breakers, since
 * KQL's sort is not stable.
 */
final class PipelineKql {

    /** @param text the operators, each on its own line starting with "| " (empty when there are none) */
    record Written(String text, List<Diagnostic> diagnostics) {
    }

    static Written write(List<Stage> stages, KqlProfile profile, StageFields fields, Dialect dialect) {
        PipelineKql p = new PipelineKql(profile, fields, dialect);
        for (Stage s : stages) {
            if (!p.stage(s)) break;
        }
        p.flush();
        return new Written(String.join("", p.lines), List.copyOf(p.diagnostics));
    }

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final PipelineExprKql x;
    private final List<String> lines = new ArrayList<>();
    /** The names stages made, with the column that holds each. */
    private final LinkedHashMap<String, Kql> made = new LinkedHashMap<>();
    private boolean events = true;
    /** Sort items not written yet: the order the rows are in. */
    private List<String> order = new ArrayList<>();
    /** The last sort written, while its columns still exist: a later sort refines it (KQL's sort is not stable). */
    private List<String> written = new ArrayList<>();
    /** Whether the rows have an order PowerQuery defines (after a sort, group or top). */
    private boolean ordered;
    private int internal;

    private PipelineKql(KqlProfile profile, StageFields fields, Dialect dialect) {
        this.x = new PipelineExprKql(profile, fields, dialect, diagnostics);
    }

    private final PipelineExprKql.Names names = new PipelineExprKql.Names() {
        @Override
        public Kql made(String written) {
            String name = new PipelineScope(PipelineScope.Kind.CLOSED, List.copyOf(made.keySet()), Span.NONE).find(written);
            return name == null ? null : made.get(name);
        }

        @Override
        public boolean eventsReadable() {
            return events;
        }
    };

    private void line(String operator) {
        lines.add("\n| " + operator);
    }

    /** Writes the pending sort, if any. */
    private void flush() {
        if (!order.isEmpty()) {
            line("sort by " + String.join(", ", order));
            written = order;
        }
        order = new ArrayList<>();
    }

    private boolean stage(Stage st) {
        if (st instanceof Stage.Filter f) {
            line("where " + x.truthy(x.write(f.condition(), names)));
            x.forget();
            return true;
        }
        if (st instanceof Stage.Let l) {
            // extend keeps the rows' order: the pending sort waits, unless the let replaces a column it reads
            for (Stage.Named n : l.assignments()) {
                String id = PipelineExprKql.identifier(n.name());
                if (mentions(order, id) || mentions(written, id)) {
                    flush();
                    written = new ArrayList<>();
                }
            }
            List<String> items = new ArrayList<>();
            for (Stage.Named n : l.assignments()) {
                Kql v = x.write(n.value(), names);
                x.forget();
                String id = PipelineExprKql.identifier(n.name());
                items.add(id + " = " + v.text());
                made.put(n.name(), new Kql(id, v.type() == Type.NULL ? Type.TEXT : v.type()));
            }
            line("extend " + String.join(", ", items));
            return true;
        }
        if (st instanceof Stage.Columns c) {
            flush();
            List<String> items = new ArrayList<>();
            LinkedHashMap<String, Kql> cols = new LinkedHashMap<>();
            for (Stage.Named n : c.columns()) {
                Kql v = x.write(n.value(), names);
                x.forget();
                String id = PipelineExprKql.identifier(n.name());
                items.add(v.text().equals(id) ? id : id + " = " + v.text());
                cols.put(n.name(), new Kql(id, v.type() == Type.NULL ? Type.TEXT : v.type()));
            }
            line("project " + String.join(", ", items));
            written = new ArrayList<>();
            made.clear();
            made.putAll(cols);
            events = false;
            return true;
        }
        if (st instanceof Stage.Limit l) {
            if (l.count() < 0) return true;
            if (!ordered) {
                diagnostics.add(Diagnostic.of(Code.PIPELINE_APPROXIMATE, "a KQL table has no row order: take returns any "
                        + l.count() + " rows, not the first ones", st.span(), "sort the rows before the limit"));
            }
            flush();
            line("take " + l.count());
            return true;
        }
        if (st instanceof Stage.Sort so) {
            List<String> items = new ArrayList<>();
            for (Stage.SortKey k : so.keys()) items.addAll(orderBy(x.write(k.value(), names), k.descending()));
            x.forget();
            for (String o : order.isEmpty() ? written : order) if (!items.contains(o)) items.add(o);
            order = items;
            ordered = true;
            return true;
        }
        if (st instanceof Stage.Group g) return group(g.aggregates(), g.by(), null, st);
        if (st instanceof Stage.Top t) return group(List.of(t.aggregate()), t.by(), t, st);
        Stage.Other o = (Stage.Other) st;
        diagnostics.add(Diagnostic.of(Code.PIPELINE_STAGE_NOT_TRANSLATED, "the '" + o.command() + "' stage has no KQL "
                + "translation", o.span(), "run the query without it, or with s1ql eval"));
        return false;
    }

    /** Whether sort items read the column {@code id}. */
    private static boolean mentions(List<String> items, String id) {
        String text = String.join(", ", items);
        if (id.startsWith("[")) return text.contains(id);
        return java.util.regex.Pattern.compile("(?<![\\w'])" + java.util.regex.Pattern.quote(id) + "(?![\\w'])").matcher(text).find();
    }

    /** Columns the summarize being written needs computed first (extend), and whether its input rows are ordered. */
    private List<String> before = new ArrayList<>();
    private boolean rowsOrdered;

    /** One aggregate column of the summarize being written. */
    private record Part(String name, String kql) {
    }

    private boolean group(List<Stage.Named> aggregates, List<Stage.Named> by, Stage.Top top, Stage st) {
        before = new ArrayList<>();
        boolean byRow = aggregates.stream().flatMap(a -> PqExpr.aggregateCalls(a.value()).stream())
                .anyMatch(c -> c.name().equals("first") || c.name().equals("last"));
        if (byRow && ordered) {
            // first()/last(): the rows' order as a number (the sort is written first: row_number needs it)
            flush();
            before.add("s1ql_row = row_number()");
        }
        rowsOrdered = ordered;
        order = new ArrayList<>(); // summarize does not keep an order: the pending sort is moot
        written = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> keyOrder = new ArrayList<>();
        LinkedHashMap<String, Kql> out = new LinkedHashMap<>();
        for (Stage.Named k : by) {
            Kql key = x.write(k.value(), names);
            x.forget();
            if (key.type() == Type.NULL) key = PipelineExprKql.nullOf(Type.TEXT);
            String id = PipelineExprKql.identifier(k.name());
            keys.add(key.text().equals(id) ? id : id + " = " + key.text());
            Kql column = new Kql(id, key.type());
            out.put(k.name(), column);
            keyOrder.addAll(orderBy(column, false));
        }
        List<Part> parts = new ArrayList<>();
        Map<String, Kql> values = new LinkedHashMap<>();
        for (Stage.Named a : aggregates) {
            for (PqExpr.Call c : PqExpr.aggregateCalls(a.value())) x.know(c, aggregate(c, parts, st));
            values.put(a.name(), x.write(a.value(), names));
            x.forget();
        }
        // each output is one aggregate column: name it as the user did; else compute the outputs from the parts
        boolean direct = values.size() == parts.size();
        int i = 0;
        for (Kql v : values.values()) direct &= i < parts.size() && v.text().equals(parts.get(i++).name());
        List<String> aggItems = new ArrayList<>();
        if (!before.isEmpty()) line("extend " + String.join(", ", before));
        if (direct) {
            int j = 0;
            for (Map.Entry<String, Kql> e : values.entrySet()) {
                String id = PipelineExprKql.identifier(e.getKey());
                aggItems.add(id + " = " + parts.get(j++).kql());
                out.put(e.getKey(), new Kql(id, e.getValue().type()));
            }
            line("summarize " + String.join(", ", aggItems) + (keys.isEmpty() ? "" : " by " + String.join(", ", keys)));
        } else {
            for (Part p : parts) aggItems.add(p.name() + " = " + p.kql());
            line("summarize " + String.join(", ", aggItems) + (keys.isEmpty() ? "" : " by " + String.join(", ", keys)));
            List<String> project = new ArrayList<>();
            for (Kql k : out.values()) project.add(k.text());
            for (Map.Entry<String, Kql> e : values.entrySet()) {
                String id = PipelineExprKql.identifier(e.getKey());
                project.add(id + " = " + e.getValue().text());
                out.put(e.getKey(), new Kql(id, e.getValue().type()));
            }
            line("project " + String.join(", ", project));
        }
        made.clear();
        made.putAll(out);
        events = false;
        ordered = true;
        order = keyOrder;
        if (top != null) {
            Kql agg = out.get(top.aggregate().name());
            List<String> rank = new ArrayList<>(orderBy(agg, true));
            rank.addAll(keyOrder);
            order = rank;
            flush();
            line("take " + top.count());
            line("extend rank = row_number()");
            made.put("rank", new Kql("rank", Type.NUMBER));
        }
        return true;
    }

    /** The value of one aggregate call: KQL over the summarize's parts, adding the parts it needs. */
    private Kql aggregate(PqExpr.Call c, List<Part> parts, Stage st) {
        String fn = c.name();
        String where = c.where() == null ? null : x.truthy(x.write(c.where(), names));
        if (fn.equals("count") && c.args().isEmpty()) {
            return part(parts, where == null ? "count()" : "countif(" + where + ")", Type.NUMBER);
        }
        int valueArg = fn.equals("pct") ? c.args().size() - 1 : 0;
        Kql v = x.write(c.args().get(valueArg), names);
        String num = x.number(v);
        switch (fn) {
            case "count":
                return part(parts, "countif(" + and(x.truthy(v), where) + ")", Type.NUMBER);
            case "sum":
            case "min":
            case "max":
                return part(parts, where == null ? fn + "(" + num + ")" : fn + "if(" + num + ", " + where + ")", Type.NUMBER);
            case "avg":
            case "mean":
            case "average":
                return part(parts, where == null ? "avg(" + num + ")" : "avgif(" + num + ", " + where + ")", Type.NUMBER);
            case "median":
                return percentile(parts, num, where, 50, c);
            case "p10":
            case "p50":
            case "p90":
            case "p95":
            case "p99":
            case "p999":
                return percentile(parts, num, where, Double.parseDouble(fn.substring(1)) / (fn.length() == 4 ? 10 : 1), c);
            case "pct": {
                if (!(c.args().get(0) instanceof PqExpr.Literal l) || !(l.value() instanceof dev.s1ql.ast.NumberValue n)) {
                    return x.untranslated(c, "pct() with a percentage that is not a constant number");
                }
                return percentile(parts, num, where, n.number().doubleValue(), c);
            }
            case "estimate_distinct": {
                diagnostics.add(Diagnostic.of(Code.PIPELINE_APPROXIMATE, "estimate_distinct() becomes dcount(), which "
                        + "Kusto estimates too (HyperLogLog; s1ql eval counts exactly)", c.span(), null));
                String present = v.type() == Type.TEXT ? "isnotempty(" + v.text() + ")" : "isnotnull(" + v.text() + ")";
                return part(parts, "dcountif(" + v.text() + ", " + and(present, where) + ")", Type.NUMBER);
            }
            case "any_true":
                return new Kql("(" + part(parts, "countif(" + and(x.truthy(v), where) + ")", Type.NUMBER).text() + " > 0)", Type.BOOL);
            case "all_true": {
                String falsy = part(parts, "countif(" + and("not(" + x.truthy(v) + ")", where) + ")", Type.NUMBER).text();
                String rows = part(parts, where == null ? "count()" : "countif(" + where + ")", Type.NUMBER).text();
                return new Kql("(" + falsy + " == 0 and " + rows + " > 0)", Type.BOOL);
            }
            case "array_agg":
            case "array_agg_distinct": {
                String t = x.text(v);
                String set;
                if (fn.equals("array_agg_distinct")) {
                    set = "array_sort_asc(" + part(parts, "make_set_if(" + t + ", " + and("isnotempty(" + t + ")", where) + ")",
                            Type.LIST).text() + ")";
                } else {
                    diagnostics.add(Diagnostic.of(Code.PIPELINE_APPROXIMATE, "array_agg() becomes make_list(), whose order "
                            + "Kusto does not define (s1ql eval keeps the row order)", c.span(), null));
                    set = part(parts, "make_list_if(" + t + ", " + and("isnotempty(" + t + ")", where) + ")", Type.LIST).text();
                }
                if (c.args().size() > 1) {
                    if (!(c.args().get(1) instanceof PqExpr.Literal l) || !(l.value() instanceof dev.s1ql.ast.NumberValue n)) {
                        return x.untranslated(c, "a cap that is not a constant number");
                    }
                    set = "array_slice(" + set + ", 0, " + (n.number().longValue() - 1) + ")";
                }
                return new Kql(set, Type.LIST);
            }
            case "any": {
                diagnostics.add(Diagnostic.of(Code.PIPELINE_APPROXIMATE, "any() becomes take_anyif(), which takes any "
                        + "value (s1ql eval takes the first one in row order)", c.span(), null));
                String present = v.type() == Type.TEXT ? "isnotempty(" + v.text() + ")" : "isnotnull(" + v.text() + ")";
                return part(parts, "take_anyif(" + v.text() + ", " + and(present, where) + ")", v.type());
            }
            case "first":
            case "last": {
                if (!rowsOrdered) {
                    return x.untranslated(c, "the rows have no order before it (a KQL table has none): sort them first");
                }
                // x of the row with the smallest (largest) position in the sorted rows
                String col = "s1ql_x" + (++internal);
                before.add(col + " = " + v.text());
                part(parts, (fn.equals("first") ? "arg_min" : "arg_max") + "(s1ql_row, " + col + ")", v.type());
                return new Kql(col, v.type());
            }
            case "min_by":
            case "max_by": {
                diagnostics.add(Diagnostic.of(Code.PIPELINE_APPROXIMATE, fn + "() becomes " + (fn.equals("min_by")
                        ? "arg_min" : "arg_max") + "(), which takes any of the rows that tie (s1ql eval takes the first)",
                        c.span(), null));
                Kql by = x.write(c.args().get(1), names);
                String present = v.type() == Type.TEXT ? "isempty(" + v.text() + ")" : "isnull(" + v.text() + ")";
                String key = "s1ql_k" + (++internal);
                String col = "s1ql_x" + internal;
                // rows without a value take no part: their key is null, which arg_min/arg_max skip
                before.add(key + " = iff(" + present + ", real(null), todouble(" + x.number(by) + "))");
                before.add(col + " = " + v.text());
                part(parts, (fn.equals("min_by") ? "arg_min(" : "arg_max(") + key + ", " + col + ")", v.type());
                return new Kql(col, v.type());
            }
            default:
                return x.untranslated(c, "no KQL aggregation does the same");
        }
    }

    private Kql percentile(List<Part> parts, String num, String where, double p, PqExpr.Call c) {
        diagnostics.add(Diagnostic.of(Code.PIPELINE_APPROXIMATE, c.function() + "() becomes percentile(), which Kusto "
                + "estimates and takes at the nearest rank (s1ql eval interpolates exactly)", c.span(), null));
        String value = where == null ? num : "iff(" + where + ", " + num + ", real(null))";
        String pct = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
        return part(parts, "percentile(" + value + ", " + pct + ")", Type.NUMBER);
    }

    private Kql part(List<Part> parts, String kql, Type type) {
        for (Part p : parts) if (p.kql().equals(kql)) return new Kql(p.name(), type);
        Part p = new Part("s1ql_a" + (++internal), kql);
        parts.add(p);
        return new Kql(p.name(), type);
    }

    private static String and(String a, String b) {
        return b == null ? a : a + " and " + b;
    }

    /**
     * Sort items that order values as the built-in engine does: numbers (text reading as one) first by value, then
     * other text by code point, null (and, in KQL, the empty text) last in both directions.
     */
    private List<String> orderBy(Kql v, boolean descending) {
        String dir = descending ? " desc" : " asc";
        List<String> out = new ArrayList<>();
        if (v.text().startsWith("\"") || v.text().startsWith("@\"")) return out; // a constant orders nothing
        switch (v.type()) {
            case NUMBER -> out.add(v.text() + dir + " nulls last");
            case BOOL -> out.add("tolong(" + v.text() + ")" + dir + " nulls last");
            case TEXT -> {
                out.add("iff(isempty(" + v.text() + "), 2, iff(" + v.text() + " matches regex " + PipelineExprKql.NUMBER_PATTERN
                        + ", 0, 1)) asc");
                out.add(x.number(v) + dir + " nulls last");
                out.add(v.text() + dir);
            }
            default -> {
            }
        }
        return out;
    }
}
