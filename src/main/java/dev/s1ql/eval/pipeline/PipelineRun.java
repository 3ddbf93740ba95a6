// Runs a PowerQuery's stages after its event filter: each matching event becomes a row and goes through filter,
// let, columns, limit, group, sort and top in order, streaming until the first stage that needs every row (group,
// sort, top, or an overall function such as percent_of_total), buffered from there. docs/powerquery.md.
package dev.s1ql.eval.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.Dialect;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.Stage;
import dev.s1ql.catalog.PqFunctions;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.EventFields;
import dev.s1ql.events.MalformedEventException;
import dev.s1ql.events.RawEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Single-threaded: {@link #accept} each event the filter matched, in input order, then {@link #finish}. */
public final class PipelineRun {

    private final List<Stage> stages;
    private final Calculator calc;
    private final EventFields eventFields;
    private final List<String> eventNames;
    private final int firstBuffered;
    private final long[] passed;
    private final List<Row> buffer = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private long seq;

    /** @param stages the stages to apply (PipelineFilter.Folded#outputStages), in order */
    public PipelineRun(List<Stage> stages, Dialect dialect, EvalOptions options) {
        this.stages = List.copyOf(stages);
        this.calc = new Calculator(dialect, options);
        List<FieldRef> read = new ArrayList<>();
        int buffered = stages.size();
        boolean eventScope = true;
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            for (PqExpr e : expressions(s)) {
                for (PqExpr n : PqExpr.nodes(e)) {
                    if (eventScope && n instanceof PqExpr.Name name) read.add(name.field());
                    if (n instanceof PqExpr.Call c) report(c);
                }
            }
            if (buffered == stages.size() && needsAllRows(s)) buffered = i;
            if (s instanceof Stage.Columns || s instanceof Stage.Group || s instanceof Stage.Top) eventScope = false;
        }
        this.eventFields = new EventFields(read);
        this.eventNames = read.stream().map(FieldRef::written).distinct().toList();
        this.firstBuffered = buffered;
        this.passed = new long[stages.size()];
    }

    /** Warnings about functions this run cannot compute (they read as null). */
    public List<Diagnostic> diagnostics() {
        return Collections.unmodifiableList(diagnostics);
    }

    private void report(PqExpr.Call c) {
        PqFunctions.Function f = PqFunctions.defaults().lookup(c.name());
        if (f != null && !f.evaluated()) {
            diagnostics.add(new Diagnostic(Severity.WARNING, Code.UNSUPPORTED_2_0, "s1ql eval does not compute "
                    + c.function() + "(); it reads as null here", c.span(), null));
        }
    }

    private static List<PqExpr> expressions(Stage s) {
        List<PqExpr> out = new ArrayList<>();
        if (s instanceof Stage.Filter f) out.add(f.condition());
        else if (s instanceof Stage.Columns c) c.columns().forEach(n -> out.add(n.value()));
        else if (s instanceof Stage.Let l) l.assignments().forEach(n -> out.add(n.value()));
        else if (s instanceof Stage.Group g) {
            g.aggregates().forEach(n -> out.add(n.value()));
            g.by().forEach(n -> out.add(n.value()));
        } else if (s instanceof Stage.Sort so) so.keys().forEach(k -> out.add(k.value()));
        else if (s instanceof Stage.Top t) {
            out.add(t.aggregate().value());
            t.by().forEach(n -> out.add(n.value()));
        }
        return out;
    }

    private static boolean needsAllRows(Stage s) {
        if (s instanceof Stage.Group || s instanceof Stage.Sort || s instanceof Stage.Top) return true;
        for (PqExpr e : expressions(s)) if (!overallCalls(e).isEmpty()) return true;
        return false;
    }

    private static List<PqExpr.Call> overallCalls(PqExpr e) {
        List<PqExpr.Call> out = new ArrayList<>();
        for (PqExpr n : PqExpr.nodes(e)) {
            if (n instanceof PqExpr.Call c) {
                PqFunctions.Function f = PqFunctions.defaults().lookup(c.name());
                if (f != null && f.kind() == PqFunctions.Kind.OVERALL) out.add(c);
            }
        }
        return out;
    }

    /** An event the filter matched; rows that come out of the streaming stages go to {@code out}. */
    public void accept(RawEvent event, Consumer<ObjectNode> out) {
        Map<String, String> fields = new HashMap<>();
        try {
            eventFields.load(event);
            for (String n : eventNames) {
                String v = eventFields.text(n);
                if (v != null) fields.put(n, v);
            }
        } catch (MalformedEventException e) {
            return; // the evaluator already read this event
        }
        Row row = Row.ofEvent(RawEvent.of(event.file(), event.line(), event.copyJson()), fields, seq++);
        for (int i = 0; i < firstBuffered; i++) {
            row = streaming(i, row);
            if (row == null) return;
        }
        if (firstBuffered < stages.size()) buffer.add(row);
        else out.accept(row.toJson());
    }

    /** At the end of the input: the buffered stages, then their rows to {@code out}. */
    public void finish(Consumer<ObjectNode> out) {
        if (firstBuffered >= stages.size()) return;
        List<Row> rows = buffer;
        for (int i = firstBuffered; i < stages.size(); i++) rows = apply(stages.get(i), rows);
        for (Row r : rows) out.accept(r.toJson());
    }

    private Row streaming(int i, Row row) {
        Stage s = stages.get(i);
        if (s instanceof Stage.Filter f) return calc.truthy(f.condition(), row) ? row : null;
        if (s instanceof Stage.Let l) {
            for (Stage.Named n : l.assignments()) row.columns.put(n.name(), calc.eval(n.value(), row));
            return row;
        }
        if (s instanceof Stage.Columns c) return project(c, row);
        if (s instanceof Stage.Limit l) return l.count() < 0 || passed[i]++ < l.count() ? row : null;
        return row;
    }

    private List<Row> apply(Stage s, List<Row> rows) {
        if (s instanceof Stage.Group g) return group(g, rows);
        if (s instanceof Stage.Top t) return top(t, rows);
        if (s instanceof Stage.Sort so) return sort(so, rows);
        if (s instanceof Stage.Limit l) return l.count() < 0 || rows.size() <= l.count() ? rows : rows.subList(0, l.count());
        // filter, let, columns: with any overall function's value known for this row set
        for (PqExpr e : expressions(s)) for (PqExpr.Call c : overallCalls(e)) calc.know(c, PqValue.NULL);
        Map<PqExpr.Call, Double> totals = totals(s, rows);
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            for (Map.Entry<PqExpr.Call, Double> t : totals.entrySet()) calc.know(t.getKey(), percentOfTotal(t, r));
            Row next = streaming(stages.indexOf(s), r);
            if (next != null) out.add(next);
        }
        calc.forget();
        return out;
    }

    /** For each percent_of_total(x) of a stage: the sum of x over the rows (null when there is no number). */
    private Map<PqExpr.Call, Double> totals(Stage s, List<Row> rows) {
        Map<PqExpr.Call, Double> out = new java.util.IdentityHashMap<>();
        for (PqExpr e : expressions(s)) {
            for (PqExpr.Call c : overallCalls(e)) {
                if (!c.name().equals("percent_of_total") || c.args().size() != 1) continue;
                double sum = 0;
                boolean any = false;
                for (Row r : rows) {
                    Double d = calc.eval(c.args().get(0), r).asNumber();
                    if (d != null) {
                        sum += d;
                        any = true;
                    }
                }
                out.put(c, any ? sum : null);
            }
        }
        return out;
    }

    private PqValue percentOfTotal(Map.Entry<PqExpr.Call, Double> total, Row r) {
        Double d = calc.eval(total.getKey().args().get(0), r).asNumber();
        if (d == null || total.getValue() == null || total.getValue() == 0) return PqValue.NULL;
        return PqValue.number(d * 100 / total.getValue());
    }

    private Row project(Stage.Columns c, Row row) {
        LinkedHashMap<String, PqValue> cols = new LinkedHashMap<>();
        for (Stage.Named n : c.columns()) cols.put(n.name(), calc.eval(n.value(), row));
        return Row.ofColumns(cols, row.seq);
    }

    private List<Row> sort(Stage.Sort s, List<Row> rows) {
        List<PqValue[]> keys = new ArrayList<>();
        Map<Row, PqValue[]> byRow = new java.util.IdentityHashMap<>();
        for (Row r : rows) {
            PqValue[] k = new PqValue[s.keys().size()];
            for (int i = 0; i < k.length; i++) k[i] = calc.eval(s.keys().get(i).value(), r);
            byRow.put(r, k);
            keys.add(k);
        }
        Comparator<Row> cmp = (a, b) -> {
            PqValue[] ka = byRow.get(a);
            PqValue[] kb = byRow.get(b);
            for (int i = 0; i < ka.length; i++) {
                int c = ValueOrder.compare(ka[i], kb[i], s.keys().get(i).descending());
                if (c != 0) return c;
            }
            return 0;
        };
        List<Row> out = new ArrayList<>(rows);
        out.sort(cmp); // stable: ties keep their order
        return out;
    }

    /** One group: its key values (as computed for its first row) and its rows. */
    private record Bucket(List<PqValue> key, List<Row> rows) {
    }

    private List<Bucket> buckets(List<Stage.Named> by, List<Row> rows) {
        Map<List<String>, Bucket> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            List<PqValue> key = new ArrayList<>();
            List<String> id = new ArrayList<>();
            for (Stage.Named k : by) {
                PqValue v = calc.eval(k.value(), r);
                key.add(v);
                id.add(v.isNull() ? null : v.asText());
            }
            groups.computeIfAbsent(id, x -> new Bucket(key, new ArrayList<>())).rows().add(r);
        }
        List<Bucket> out = new ArrayList<>(groups.values());
        // Without a later sort, PowerQuery orders group output by the keys, ascending (commands-reference §5).
        out.sort((a, b) -> {
            for (int i = 0; i < by.size(); i++) {
                int c = ValueOrder.compare(a.key().get(i), b.key().get(i), false);
                if (c != 0) return c;
            }
            return 0;
        });
        return out;
    }

    private List<Row> group(Stage.Group g, List<Row> rows) {
        List<Bucket> buckets = buckets(g.by(), rows);
        if (buckets.isEmpty() && g.by().isEmpty()) buckets = List.of(new Bucket(List.of(), List.of()));
        List<Row> out = new ArrayList<>();
        for (Bucket b : buckets) {
            LinkedHashMap<String, PqValue> cols = new LinkedHashMap<>();
            for (int i = 0; i < g.by().size(); i++) cols.put(g.by().get(i).name(), b.key().get(i));
            for (Stage.Named a : g.aggregates()) cols.put(a.name(), aggregate(a.value(), b.rows()));
            out.add(Row.ofColumns(cols, b.rows().isEmpty() ? 0 : b.rows().get(0).seq));
        }
        return out;
    }

    /** An aggregate expression over one group's rows: each aggregate call accumulated, then the expression. */
    private PqValue aggregate(PqExpr e, List<Row> rows) {
        List<PqExpr.Call> calls = PqExpr.aggregateCalls(e);
        for (PqExpr.Call c : calls) {
            Aggregator a = new Aggregator(c, calc);
            for (Row r : rows) a.add(r);
            calc.know(c, a.result());
        }
        PqValue v = calc.eval(e, rows.isEmpty() ? Row.ofColumns(new LinkedHashMap<>(), 0) : rows.get(0));
        calc.forget();
        return v;
    }

    /** top K agg by keys: the K groups with the largest aggregate (ties: key order), with a rank column. */
    private List<Row> top(Stage.Top t, List<Row> rows) {
        List<Row> grouped = group(new Stage.Group(List.of(t.aggregate()), t.by(), t.span()), rows);
        String name = t.aggregate().name();
        List<Row> sorted = new ArrayList<>(grouped);
        sorted.sort((a, b) -> ValueOrder.compare(a.columns.get(name), b.columns.get(name), true));
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < Math.min(t.count(), sorted.size()); i++) {
            Row r = sorted.get(i);
            r.columns.put("rank", PqValue.number(i + 1));
            out.add(r);
        }
        return out;
    }
}
