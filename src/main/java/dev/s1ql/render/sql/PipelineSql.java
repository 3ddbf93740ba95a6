// PowerQuery pipelines as SQL (DuckDB, Spark SQL, Trino): SELECT ... FROM <table> WHERE <filters> GROUP BY ...
// HAVING ... ORDER BY ... LIMIT, one such SELECT per run of stages that fit in it, nested as subqueries where they
// do not (a let after a group, a filter after a limit, ...). The rows are the rows `s1ql eval` gives
// (docs/powerquery.md); the WHERE of the leading filters is SqlTranslator's.
package dev.s1ql.render.sql;

import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.PipelineScope;
import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.Stage;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.PqFunctions;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.eval.PipelineFilter;
import dev.s1ql.render.sql.PipelineExprSql.Sql;
import dev.s1ql.render.sql.PipelineExprSql.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Row order: the input order is column {@code seq} when the caller has one (the DuckDB engine numbers the events);
 * without it, a limit without a sort, first/last/any and array_agg have no defined order and are reported as
 * approximate (S3102). Group output is ordered by its keys, as PowerQuery orders it when no sort follows.
 */
public final class PipelineSql {

    /** One output column: its name and whether it holds text, a number, a boolean or a list. */
    public record Column(String name, String type) {
    }

    /**
     * @param sql          the statement, or null when an error prevented it
     * @param columns      the output columns; for event rows, the computed ones (the row is the event plus these)
     * @param eventRows    whether the rows are events with computed columns added (no columns/group/top stage)
     * @param eventColumns the event columns the statement reads (paths), for a reader that must supply them
     */
    public record Written(String sql, List<Column> columns, boolean eventRows, Set<List<String>> eventColumns,
                          List<Diagnostic> diagnostics) {
    }

    /** Whether the query has stages besides its leading filters (then it needs this writer, not only a WHERE). */
    public static boolean hasStages(Query q) {
        return !after(q).isEmpty() || (q.root() == null && !q.pipeline().isEmpty());
    }

    /** The stages after the leading filters (those fold into the WHERE, PipelineFilter). */
    private static List<Stage> after(Query q) {
        int i = 0;
        while (i < q.pipeline().size() && q.pipeline().get(i) instanceof Stage.Filter f && f.expr() != null) i++;
        return q.pipeline().subList(i, q.pipeline().size());
    }

    /**
     * @param table the FROM of the first SELECT (a quoted table name, or a parenthesised subquery with an alias)
     * @param seq   the input-order column of {@code table}, or null
     */
    public static Written write(Query q, SqlDialect dialect, ColumnNaming naming, String table, String seq) {
        return new PipelineSql(dialect, naming, q.dialect()).run(q, table, seq);
    }

    private final SqlDialect d;
    private final ColumnNaming naming;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final PipelineExprSql x;
    private final PipelineDialect pd;
    private int aliases;

    private PipelineSql(SqlDialect d, ColumnNaming naming, dev.s1ql.ast.Dialect dialect) {
        this.d = d;
        this.naming = naming;
        this.x = new PipelineExprSql(d, naming, dialect, diagnostics);
        this.pd = x.pd();
    }

    /** One SELECT being built. */
    private final class Segment implements PipelineExprSql.Names {
        String from;
        boolean events = true;
        boolean closed;
        String seq;
        final LinkedHashMap<String, Sql> made = new LinkedHashMap<>();
        final List<String> where = new ArrayList<>();
        List<String> groupBy;
        final List<String> having = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Long limit;
        boolean sealed;

        @Override
        public Sql made(String written) {
            String name = new PipelineScope(PipelineScope.Kind.CLOSED, List.copyOf(made.keySet()), dev.s1ql.ast.Span.NONE)
                    .find(written);
            return name == null ? null : made.get(name);
        }

        @Override
        public boolean eventsReadable() {
            return events;
        }

        @Override
        public String seq() {
            return seq;
        }
    }

    private Written run(Query q, String table, String seq) {
        PipelineFilter.Folded folded = PipelineFilter.fold(q);
        Segment s = new Segment();
        s.from = table;
        s.seq = seq;
        Set<List<String>> columns = new LinkedHashSet<>();
        if (folded.query() != null) {
            SqlTranslator.Written w = SqlTranslator.write(folded.query(), d, naming);
            diagnostics.addAll(w.diagnostics());
            if (w.condition() == null) return failed();
            s.where.add("(" + w.condition() + ")");
            columns.addAll(w.columns());
        }
        for (Stage st : after(q)) {
            s = stage(st, s);
            if (s == null) return failed();
        }
        columns.addAll(x.columns());
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) return failed();
        List<Column> out = new ArrayList<>();
        for (Map.Entry<String, Sql> e : s.made.entrySet()) out.add(new Column(e.getKey(), e.getValue().type().name()));
        String sql = select(s, true);
        return new Written(sql, out, !s.closed, columns, List.copyOf(diagnostics));
    }

    private Written failed() {
        return new Written(null, List.of(), false, Set.of(), List.copyOf(diagnostics));
    }

    private Segment stage(Stage st, Segment s) {
        if (st instanceof Stage.Filter f) {
            if (s.limit != null || s.sealed) s = wrap(s);
            String c = x.truthy(x.write(f.condition(), s));
            if (s.groupBy != null) s.having.add(c);
            else s.where.add(c);
            return s;
        }
        if (st instanceof Stage.Let l) {
            boolean usesOverall = l.assignments().stream().anyMatch(n -> hasOverall(n.value()));
            if (s.limit != null || s.groupBy != null || (s.sealed && usesOverall)) s = wrap(s);
            boolean overall = false;
            for (Stage.Named n : l.assignments()) {
                overall |= overall(n.value(), s);
                s.made.put(n.name(), x.write(n.value(), s));
                x.forget();
            }
            s.sealed |= overall;
            return s;
        }
        if (st instanceof Stage.Columns c) {
            if (s.groupBy != null || (s.sealed && c.columns().stream().anyMatch(n -> hasOverall(n.value())))) s = wrap(s);
            LinkedHashMap<String, Sql> cols = new LinkedHashMap<>();
            boolean overall = false;
            for (Stage.Named n : c.columns()) {
                overall |= overall(n.value(), s);
                cols.put(n.name(), x.write(n.value(), s));
                x.forget();
            }
            s.made.clear();
            s.made.putAll(cols);
            s.closed = true;
            s.events = false;
            s.sealed |= overall;
            return s;
        }
        if (st instanceof Stage.Limit l) {
            if (l.count() < 0) return s;
            if (s.order.isEmpty()) {
                if (s.seq != null) s.order.add(s.seq);
                else approximate(st, "the SQL table has no row order: limit takes any " + l.count() + " rows");
            }
            s.limit = s.limit == null ? l.count() : Math.min(s.limit, l.count());
            return s;
        }
        if (st instanceof Stage.Sort so) {
            if (s.limit != null) s = wrap(s);
            List<String> items = new ArrayList<>();
            for (Stage.SortKey k : so.keys()) items.addAll(orderBy(x.write(k.value(), s), k.descending()));
            items.addAll(s.order);
            if (s.groupBy == null && s.seq != null && !s.order.contains(s.seq)) items.add(s.seq);
            s.order = items;
            return s;
        }
        if (st instanceof Stage.Group g) return group(g.aggregates(), g.by(), s, null, st);
        if (st instanceof Stage.Top t) return group(List.of(t.aggregate()), t.by(), s, t, st);
        Stage.Other o = (Stage.Other) st;
        diagnostics.add(Diagnostic.of(Code.PIPELINE_STAGE_NOT_TRANSLATED, "the '" + o.command() + "' stage has no SQL "
                + "translation", o.span(), "run the query without it, or with s1ql eval"));
        return null;
    }

    private static boolean hasOverall(PqExpr e) {
        for (PqExpr n : PqExpr.nodes(e)) {
            if (n instanceof PqExpr.Call c) {
                PqFunctions.Function f = PqFunctions.defaults().lookup(c.name());
                if (f != null && f.kind() == PqFunctions.Kind.OVERALL) return true;
            }
        }
        return false;
    }

    /** Makes the values of the overall functions of {@code e} known (windows over the segment's rows). */
    private boolean overall(PqExpr e, Segment s) {
        boolean any = false;
        for (PqExpr n : PqExpr.nodes(e)) {
            if (!(n instanceof PqExpr.Call c)) continue;
            PqFunctions.Function f = PqFunctions.defaults().lookup(c.name());
            if (f == null || f.kind() != PqFunctions.Kind.OVERALL) continue;
            any = true;
            if (c.name().equals("percent_of_total") && c.args().size() == 1) {
                String v = x.number(x.write(c.args().get(0), s));
                x.know(c, new Sql("(" + v + " * 100 / NULLIF(sum(" + v + ") OVER (), 0))", Type.NUMBER));
            }
        }
        return any;
    }

    private Segment group(List<Stage.Named> aggregates, List<Stage.Named> by, Segment s, Stage.Top top, Stage st) {
        if (s.groupBy != null || s.limit != null || s.sealed || !s.order.isEmpty()) s = wrap(s);
        LinkedHashMap<String, Sql> out = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        List<String> keyOrder = new ArrayList<>();
        for (Stage.Named k : by) {
            Sql key = x.write(k.value(), s);
            keys.add(key.text());
            out.put(k.name(), key);
            keyOrder.addAll(orderBy(key, false));
        }
        for (Stage.Named a : aggregates) {
            for (PqExpr.Call c : PqExpr.aggregateCalls(a.value())) x.know(c, aggregate(c, s, st));
            out.put(a.name(), x.write(a.value(), s));
            x.forget();
        }
        s.groupBy = keys;
        s.seq = null; // group rows have no input order: they are ordered by their keys
        s.made.clear();
        s.made.putAll(out);
        s.closed = true;
        s.events = false;
        s.order = keyOrder;
        if (top != null) {
            Sql agg = out.get(top.aggregate().name());
            List<String> rank = new ArrayList<>(orderBy(agg, true));
            rank.addAll(keyOrder);
            s.made.put("rank", new Sql("row_number() OVER (ORDER BY " + String.join(", ", rank) + ")", Type.NUMBER));
            s.order = new ArrayList<>(rank);
            s.limit = (long) top.count();
            s.sealed = true;
        }
        return s;
    }

    /** The SQL of one aggregate call over the segment's rows. */
    private Sql aggregate(PqExpr.Call c, Segment s, Stage st) {
        String fn = c.name();
        String where = c.where() == null ? null : x.truthy(x.write(c.where(), s));
        if (fn.equals("count") && c.args().isEmpty()) {
            return new Sql(where == null ? "count(*)" : "count(CASE WHEN " + where + " THEN 1 END)", Type.NUMBER);
        }
        int valueArg = fn.equals("pct") ? c.args().size() - 1 : 0;
        Sql v = x.write(c.args().get(valueArg), s);
        if (fn.equals("all_true")) {
            // rows the where-clause leaves out take no part (a CASE would make them false)
            String filter = where == null ? "" : " FILTER (WHERE " + where + ")";
            return new Sql("coalesce(bool_and(" + x.truthy(v) + ")" + filter + ", false)", Type.BOOL);
        }
        if (where != null) v = new Sql("CASE WHEN " + where + " THEN " + v.text() + " END", v.type());
        String num = x.number(v);
        switch (fn) {
            case "count":
                return new Sql("count(CASE WHEN " + x.truthy(v) + " THEN 1 END)", Type.NUMBER);
            case "sum":
            case "min":
            case "max":
                return new Sql(fn + "(" + num + ")", Type.NUMBER);
            case "avg":
            case "mean":
            case "average":
                return new Sql("avg(" + num + ")", Type.NUMBER);
            case "median":
                return percentile(num, 0.5, c);
            case "p10":
            case "p50":
            case "p90":
            case "p95":
            case "p99":
            case "p999":
                return percentile(num, Double.parseDouble("0." + fn.substring(1)), c);
            case "pct": {
                Double n = constant(c.args().get(0));
                if (n == null) return untranslated(c, "pct() with a percentage that is not a constant number");
                return percentile(num, n / 100, c);
            }
            case "estimate_distinct":
                return new Sql("count(DISTINCT " + x.text(v) + ")", Type.NUMBER);
            case "any_true":
                return new Sql("coalesce(bool_or(" + x.truthy(v) + "), false)", Type.BOOL);
            case "all_true":
                return new Sql("coalesce(bool_and(" + x.truthy(v) + "), false)", Type.BOOL);
            case "array_agg":
            case "array_agg_distinct": {
                String t = x.text(v);
                String list;
                if (fn.equals("array_agg_distinct")) {
                    list = pd.distinctSortedList(t);
                } else {
                    list = pd.orderedList(t, s.seq);
                    if (list == null) {
                        list = pd.unorderedList(t);
                        approximate(st, "array_agg() keeps no row order in this SQL");
                    }
                }
                list = "coalesce(" + list + ", " + pd.emptyTextList() + ")";
                if (c.args().size() > 1) {
                    Double n = constant(c.args().get(1));
                    if (n == null) return untranslated(c, "a cap that is not a constant number");
                    list = pd.listHead(list, n.longValue());
                }
                return new Sql(list, Type.LIST);
            }
            case "any":
            case "first":
            case "last": {
                if (s.seq == null) {
                    approximate(st, fn + "() has no row order in this SQL: it takes the smallest value");
                    return new Sql((fn.equals("last") ? "max(" : "min(") + v.text() + ")", v.type());
                }
                String first = pd.firstBy(v.text(), s.seq, fn.equals("last"));
                if (fn.equals("any")) first += " FILTER (WHERE " + v.text() + " IS NOT NULL)";
                return new Sql(first, v.type());
            }
            case "min_by":
            case "max_by": {
                Sql by = x.write(c.args().get(1), s);
                // rows whose value is null take no part (DuckDB's arg_max skips them, Spark's and Trino's max_by do not)
                return new Sql(pd.argBy(v.text(), x.number(by), fn.equals("max_by"))
                        + " FILTER (WHERE " + v.text() + " IS NOT NULL)", v.type());
            }
            default:
                return untranslated(c, "no SQL translation");
        }
    }

    private Sql percentile(String num, double q, PqExpr.Call c) {
        String p = pd.percentile(num, q);
        if (p == null) {
            diagnostics.add(Diagnostic.of(Code.PIPELINE_APPROXIMATE, c.function() + "() is estimated on " + d.name()
                    + " (approx_percentile); s1ql interpolates exactly", c.span(), null));
            p = pd.approximatePercentile(num, q);
        }
        return new Sql(p, Type.NUMBER);
    }

    private Sql untranslated(PqExpr.Call c, String why) {
        diagnostics.add(Diagnostic.of(Code.PIPELINE_FUNCTION_NOT_TRANSLATED, c.function() + "() is not translated to "
                + "SQL (" + why + ")", c.span(), "compute it with s1ql eval, or leave it out of the query"));
        return new Sql("NULL", Type.NULL);
    }

    private void approximate(Stage st, String what) {
        diagnostics.add(Diagnostic.of(Code.PIPELINE_APPROXIMATE, what, st.span(),
                "s1ql eval --engine duckdb numbers the events and keeps their order"));
    }

    private static Double constant(PqExpr e) {
        if (e instanceof PqExpr.Literal l && l.value() instanceof dev.s1ql.ast.NumberValue n) return n.number().doubleValue();
        return null;
    }

    /**
     * ORDER BY items that order values as the evaluator does: null last in both directions; numbers (text reading
     * as one) before other text, by value; text by code point.
     */
    private List<String> orderBy(Sql v, boolean descending) {
        String dir = descending ? " DESC" : "";
        List<String> out = new ArrayList<>();
        out.add("(" + v.text() + " IS NULL)");
        if (v.type() == Type.TEXT) {
            String num = x.number(v);
            out.add("(CASE WHEN " + num + " IS NULL THEN 1 ELSE 0 END)" + dir);
            out.add(num + dir);
            out.add(v.text() + dir);
        } else if (v.type() != Type.NULL && v.type() != Type.LIST) {
            out.add(v.text() + dir);
        }
        // a text constant orders nothing, and DuckDB refuses one in ORDER BY
        out.removeIf(item -> item.matches("'([^']|'')*'( DESC)?"));
        return out;
    }

    /** The segment as a subquery of a new one: its names become columns, its order a numbering. */
    private Segment wrap(Segment s) {
        Segment next = new Segment();
        LinkedHashMap<String, String> aliasOf = new LinkedHashMap<>();
        List<String> select = new ArrayList<>();
        if (!s.closed) select.add("*");
        for (Map.Entry<String, Sql> e : s.made.entrySet()) {
            String alias = "s1ql_c" + (++aliases);
            aliasOf.put(e.getKey(), alias);
            select.add(e.getValue().text() + " AS " + d.identifier(alias));
        }
        String seq = null;
        if (!s.order.isEmpty()) {
            seq = "s1ql_o" + (++aliases);
            select.add("row_number() OVER (ORDER BY " + String.join(", ", s.order) + ") AS " + d.identifier(seq));
        } else if (s.seq != null && s.closed && s.groupBy == null) {
            seq = "s1ql_o" + (++aliases);
            select.add(s.seq + " AS " + d.identifier(seq));
        } else if (s.seq != null && !s.closed) {
            seq = s.seq; // the events' own column, passed on by *
        }
        String sub = "s1ql_s" + (++aliases);
        next.from = "(" + body(s, select) + ") AS " + d.identifier(sub);
        next.events = s.events;
        next.closed = s.closed;
        for (Map.Entry<String, Sql> e : s.made.entrySet()) {
            next.made.put(e.getKey(), new Sql(d.identifier(aliasOf.get(e.getKey())), e.getValue().type()));
        }
        next.seq = seq == null ? null : (seq.startsWith("s1ql_o") ? d.identifier(seq) : seq);
        return next;
    }

    /** SELECT list, FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT of a segment. */
    private String body(Segment s, List<String> select) {
        StringBuilder sb = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ").append(s.from);
        if (!s.where.isEmpty()) sb.append(" WHERE ").append(String.join(" AND ", s.where));
        if (s.groupBy != null && !s.groupBy.isEmpty()) sb.append(" GROUP BY ").append(String.join(", ", s.groupBy));
        if (!s.having.isEmpty()) sb.append(" HAVING ").append(String.join(" AND ", s.having));
        if (s.limit != null) {
            if (!s.order.isEmpty()) sb.append(" ORDER BY ").append(String.join(", ", s.order));
            sb.append(" LIMIT ").append(s.limit);
        }
        return sb.toString();
    }

    /** The last segment: its names under their PowerQuery names, in its order. */
    private String select(Segment s, boolean last) {
        List<String> select = new ArrayList<>();
        if (!s.closed) select.add("*");
        for (Map.Entry<String, Sql> e : s.made.entrySet()) select.add(e.getValue().text() + " AS " + d.identifier(e.getKey()));
        StringBuilder sb = new StringBuilder(body(s, select));
        if (s.limit == null) {
            List<String> order = new ArrayList<>(s.order);
            if (order.isEmpty() && s.seq != null && s.groupBy == null) order.add(s.seq);
            if (!order.isEmpty()) sb.append(" ORDER BY ").append(String.join(", ", order));
        }
        return sb.toString();
    }

    /** The catalog entry a written name resolves to, for messages. */
    static FieldInfo field(FieldRef f) {
        return f.resolved() != null ? f.resolved() : FieldCatalog.defaults().lookupS1ql2(f.written());
    }
}
