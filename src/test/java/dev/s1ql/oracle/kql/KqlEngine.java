// Runs a parsed KQL query over the oracle's tables. Operator semantics from the KQL reference
// (learn.microsoft.com/kusto/query/<operator>-operator): union (outer by default: the result has every leg's
// columns, a row gets the missing value for columns its leg lacks; a column name that two legs give different types
// becomes name_type in each); where keeps rows whose predicate is true; extend adds or replaces columns; project
// keeps and computes the listed columns in that order; project-away drops, project-rename renames; summarize gives
// the by-columns then the aggregations, one row per distinct by-key (one row in all when there is no by); sort
// orders by the keys (default desc; nulls first for asc and last for desc), take/limit keep the first rows, top N
// by = sort then take; extend x = row_number() numbers the rows from 1 in their order; distinct keeps
// distinct combinations; count gives one row with Count.
package dev.s1ql.oracle.kql;

import dev.s1ql.oracle.kql.KqlQuery.Named;
import dev.s1ql.oracle.kql.KqlQuery.SortKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class KqlEngine {

    private final Map<String, KqlTable> tables;
    private final KqlScalars scalars = new KqlScalars(this);

    KqlEngine(Map<String, KqlTable> tables) {
        this.tables = tables;
    }

    KqlTable run(KqlQuery q) {
        if (q instanceof KqlQuery.Table t) {
            KqlTable table = tables.get(t.name());
            if (table == null) throw new KqlException("unknown table '" + t.name() + "'");
            return table;
        }
        if (q instanceof KqlQuery.Datatable d) return datatable(d);
        if (q instanceof KqlQuery.Union u) return union(u);
        KqlQuery.Pipe p = (KqlQuery.Pipe) q;
        return apply(run(p.input()), p.operator());
    }

    private KqlTable datatable(KqlQuery.Datatable d) {
        List<Map<String, Object>> rows = new ArrayList<>();
        KqlRow none = new KqlRow(Map.of(), Map.of());
        int n = d.columns().size();
        for (int i = 0; i < d.values().size(); i += n) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                KqlColumn col = d.columns().get(c);
                row.put(col.name(), coerce(scalars.eval(d.values().get(i + c), none), col.type()));
            }
            rows.add(row);
        }
        return new KqlTable(d.columns(), rows);
    }

    /** A value stored in a column of that type: longs widen to real, anything else must already fit. */
    static Object coerce(Object v, KqlType type) {
        if (v == null) return type.missing();
        boolean fits = switch (type) {
            case STRING -> v instanceof String;
            case LONG, INT -> v instanceof Long;
            case REAL -> v instanceof Number;
            case BOOL -> v instanceof Boolean;
            case DATETIME -> v instanceof Instant;
            case TIMESPAN -> v instanceof Duration;
            case DYNAMIC, GUID -> true;
        };
        if (!fits) throw new KqlException("a " + KqlValues.typeName(v) + " value in a " + type + " column");
        return type == KqlType.REAL ? (Object) ((Number) v).doubleValue() : v;
    }

    private KqlTable union(KqlQuery.Union u) {
        List<KqlTable> legs = new ArrayList<>();
        for (KqlQuery leg : u.legs()) legs.add(run(leg));
        Map<String, List<KqlType>> typesByName = new LinkedHashMap<>();
        for (KqlTable t : legs) {
            for (KqlColumn c : t.columns()) {
                List<KqlType> types = typesByName.computeIfAbsent(c.name(), k -> new ArrayList<>());
                if (!types.contains(c.type())) types.add(c.type());
            }
        }
        List<KqlColumn> columns = new ArrayList<>();
        if (u.withSource() != null) columns.add(new KqlColumn(u.withSource(), KqlType.STRING));
        for (Map.Entry<String, List<KqlType>> e : typesByName.entrySet()) {
            if (u.inner() && !legs.stream().allMatch(t -> t.column(e.getKey()) != null)) continue;
            if (e.getValue().size() == 1) columns.add(new KqlColumn(e.getKey(), e.getValue().get(0)));
            else for (KqlType t : e.getValue()) columns.add(new KqlColumn(outName(e.getKey(), t, e.getValue()), t));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            KqlTable t = legs.get(i);
            String source = u.legs().get(i) instanceof KqlQuery.Table named ? named.name() : "union_arg" + i;
            for (Map<String, Object> r : t.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (u.withSource() != null) row.put(u.withSource(), source);
                for (KqlColumn c : t.columns()) {
                    row.put(outName(c.name(), c.type(), typesByName.get(c.name())), KqlTable.value(r, c));
                }
                rows.add(row);
            }
        }
        return new KqlTable(columns, rows);
    }

    private static String outName(String name, KqlType type, List<KqlType> types) {
        return types.size() == 1 ? name : name + "_" + type.name().toLowerCase(java.util.Locale.ROOT);
    }

    private KqlTable apply(KqlTable in, KqlQuery.Operator op) {
        Map<String, KqlColumn> index = KqlRow.index(in.columns());
        if (op instanceof KqlQuery.Where w) {
            List<Map<String, Object>> kept = new ArrayList<>();
            for (Map<String, Object> r : in.rows()) if (scalars.isTrue(w.predicate(), new KqlRow(index, r))) kept.add(r);
            return new KqlTable(in.columns(), kept);
        }
        if (op instanceof KqlQuery.Extend e) return extend(in, index, e.items());
        if (op instanceof KqlQuery.Project p) return project(in, index, p.items());
        if (op instanceof KqlQuery.ProjectAway a) {
            List<Named> keep = new ArrayList<>();
            for (String c : a.columns()) if (!index.containsKey(c)) throw new KqlException("project-away: no column " + c);
            for (KqlColumn c : in.columns()) {
                if (!a.columns().contains(c.name())) keep.add(new Named(c.name(), new KqlExpr.Column(c.name())));
            }
            return project(in, index, keep);
        }
        if (op instanceof KqlQuery.ProjectRename r) return rename(in, r.renames());
        if (op instanceof KqlQuery.Summarize s) return summarize(in, index, s);
        if (op instanceof KqlQuery.Sort s) return sort(in, index, s.keys());
        if (op instanceof KqlQuery.Take t) return first(in, t.count());
        if (op instanceof KqlQuery.Top t) return first(sort(in, index, List.of(t.key())), t.count());
        if (op instanceof KqlQuery.Distinct d) return distinct(project(in, index, d.columns()));
        return new KqlTable(List.of(new KqlColumn("Count", KqlType.LONG)), List.of(Map.of("Count", (long) in.rows().size())));
    }

    private static KqlTable first(KqlTable in, long count) {
        return new KqlTable(in.columns(), in.rows().subList(0, (int) Math.min(count, in.rows().size())));
    }

    private KqlTable extend(KqlTable in, Map<String, KqlColumn> index, List<Named> items) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : in.rows()) rows.add(new LinkedHashMap<>(r));
        List<KqlColumn> columns = new ArrayList<>(in.columns());
        Map<String, KqlColumn> current = new LinkedHashMap<>(index);
        for (Named item : items) {
            List<Object> values = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                // row_number(): the row's 1-based position in the (serialized) input, as the window function gives it
                values.add(item.expr() instanceof KqlExpr.Call c && c.function().equals("row_number") && c.args().isEmpty()
                        ? (Object) (long) (values.size() + 1) : scalars.eval(item.expr(), new KqlRow(current, r)));
            }
            KqlColumn col = new KqlColumn(item.name(), inferType(values));
            int at = -1;
            for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(item.name())) at = i;
            if (at >= 0) columns.set(at, col);
            else columns.add(col);
            current.put(col.name(), col);
            for (int i = 0; i < rows.size(); i++) rows.get(i).put(col.name(), values.get(i));
        }
        return new KqlTable(columns, rows);
    }

    private KqlTable project(KqlTable in, Map<String, KqlColumn> index, List<Named> items) {
        List<List<Object>> byColumn = new ArrayList<>();
        List<KqlColumn> columns = new ArrayList<>();
        for (Named item : items) {
            List<Object> values = new ArrayList<>();
            for (Map<String, Object> r : in.rows()) values.add(scalars.eval(item.expr(), new KqlRow(index, r)));
            byColumn.add(values);
            KqlType type = item.expr() instanceof KqlExpr.Column c && index.containsKey(c.name())
                    ? index.get(c.name()).type() : inferType(values);
            columns.add(new KqlColumn(item.name(), type));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < in.rows().size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) row.put(columns.get(c).name(), byColumn.get(c).get(i));
            rows.add(row);
        }
        return new KqlTable(columns, rows);
    }

    private static KqlTable rename(KqlTable in, List<Named> renames) {
        Map<String, String> oldToNew = new LinkedHashMap<>();
        for (Named r : renames) {
            String old = ((KqlExpr.Column) r.expr()).name();
            if (in.column(old) == null) throw new KqlException("project-rename: no column " + old);
            oldToNew.put(old, r.name());
        }
        List<KqlColumn> columns = new ArrayList<>();
        for (KqlColumn c : in.columns()) columns.add(new KqlColumn(oldToNew.getOrDefault(c.name(), c.name()), c.type()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : in.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : r.entrySet()) row.put(oldToNew.getOrDefault(e.getKey(), e.getKey()), e.getValue());
            rows.add(row);
        }
        return new KqlTable(columns, rows);
    }

    private KqlTable summarize(KqlTable in, Map<String, KqlColumn> index, KqlQuery.Summarize s) {
        Map<List<Object>, List<KqlRow>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : in.rows()) {
            KqlRow row = new KqlRow(index, r);
            List<Object> key = new ArrayList<>();
            for (Named b : s.by()) key.add(scalars.eval(b.expr(), row));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        if (groups.isEmpty() && s.by().isEmpty()) groups.put(List.of(), List.of());
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Named b : s.by()) names.add(b.name());
        for (Map.Entry<List<Object>, List<KqlRow>> g : groups.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < s.by().size(); i++) row.put(s.by().get(i).name(), g.getKey().get(i));
            for (KqlQuery.Aggregate a : s.aggregates()) {
                if (KqlAggregates.isArg(a.function())) {
                    argColumns(a, g.getValue(), index, row);
                } else {
                    row.put(a.name() != null ? a.name() : KqlAggregates.defaultName(a), KqlAggregates.aggregate(a, g.getValue(), scalars));
                }
            }
            rows.add(row);
        }
        List<KqlColumn> columns = new ArrayList<>();
        if (!rows.isEmpty()) {
            for (String name : rows.get(0).keySet()) {
                List<Object> values = new ArrayList<>();
                for (Map<String, Object> r : rows) values.add(r.get(name));
                columns.add(new KqlColumn(name, typeOr(values, index.get(name))));
            }
        } else {
            for (Named b : s.by()) columns.add(new KqlColumn(b.name(), KqlType.STRING));
        }
        return new KqlTable(columns, rows);
    }

    /** The type of a computed column: the source column's when every value is null, else from the values. */
    private static KqlType typeOr(List<Object> values, KqlColumn source) {
        boolean allNull = values.stream().allMatch(v -> v == null);
        return allNull && source != null ? source.type() : inferType(values);
    }

    private void argColumns(KqlQuery.Aggregate a, List<KqlRow> rows, Map<String, KqlColumn> index, Map<String, Object> out) {
        KqlRow best = KqlAggregates.argRow(a, rows, scalars);
        KqlExpr target = a.args().get(0);
        String targetName = a.name() != null ? a.name()
                : target instanceof KqlExpr.Column c ? c.name() : (a.function().equals("arg_max") ? "max_" : "min_");
        out.put(targetName, best == null ? null : scalars.eval(target, best));
        List<KqlExpr> cols = a.args().subList(1, a.args().size());
        for (KqlExpr c : cols) {
            if (c instanceof KqlExpr.Column col && col.name().equals("*")) {
                for (String name : index.keySet()) {
                    if (!out.containsKey(name)) out.put(name, best == null ? index.get(name).type().missing() : best.column(name));
                }
            } else if (c instanceof KqlExpr.Column col) {
                out.put(col.name(), best == null ? index.get(col.name()).type().missing() : best.column(col.name()));
            } else {
                throw new KqlException(a.function() + "() takes columns after the first argument");
            }
        }
    }

    private KqlTable sort(KqlTable in, Map<String, KqlColumn> index, List<SortKey> keys) {
        List<Map<String, Object>> rows = new ArrayList<>(in.rows());
        Comparator<Map<String, Object>> cmp = null;
        for (SortKey k : keys) {
            boolean nullsFirst = k.nullsFirst() != null ? k.nullsFirst() : k.ascending();
            Comparator<Map<String, Object>> one = (a, b) -> {
                Object x = KqlValues.scalar(scalars.eval(k.expr(), new KqlRow(index, a)));
                Object y = KqlValues.scalar(scalars.eval(k.expr(), new KqlRow(index, b)));
                if (x == null || y == null) {
                    if (x == y) return 0;
                    return (x == null) == nullsFirst ? -1 : 1;
                }
                int c = KqlValues.compare(x, y);
                return k.ascending() ? c : -c;
            };
            cmp = cmp == null ? one : cmp.thenComparing(one);
        }
        if (cmp != null) rows.sort(cmp);
        return new KqlTable(in.columns(), rows);
    }

    private static KqlTable distinct(KqlTable in) {
        Map<List<Object>, Map<String, Object>> seen = new LinkedHashMap<>();
        for (Map<String, Object> r : in.completeRows()) seen.putIfAbsent(new ArrayList<>(r.values()), r);
        return new KqlTable(in.columns(), new ArrayList<>(seen.values()));
    }

    /** The type of computed values: the kind of the first non-null value; dynamic when every value is null. */
    static KqlType inferType(List<Object> values) {
        for (Object v : values) {
            if (v == null) continue;
            if (v instanceof String) return KqlType.STRING;
            if (v instanceof Long) return KqlType.LONG;
            if (v instanceof Double) return KqlType.REAL;
            if (v instanceof Boolean) return KqlType.BOOL;
            if (v instanceof Instant) return KqlType.DATETIME;
            if (v instanceof Duration) return KqlType.TIMESPAN;
            return KqlType.DYNAMIC;
        }
        return values.isEmpty() ? KqlType.STRING : KqlType.DYNAMIC;
    }
}
