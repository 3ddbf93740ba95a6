// Applies a PowerQuery's output stages (columns, limit, group ... by, sort) to the events its filters matched,
// in stage order: streaming until the first group or sort, buffered from there. Rows go to MatchOutput.row.
package dev.s1ql.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.Stage;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.events.RawEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public final class PipelineRows {

    private static final ObjectMapper JSON = dev.s1ql.events.EventJson.mapper();

    private final QueryInput rule;
    private final List<Stage> stages;
    private final int firstBuffered;
    private final long[] passed;
    private final List<ObjectNode> buffer = new ArrayList<>();

    /** @param stages the output stages of the query (PipelineFilter.Folded#outputStages) */
    public PipelineRows(QueryInput rule, List<Stage> stages) {
        this.rule = rule;
        this.stages = stages;
        int g = stages.size();
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof Stage.Group || stages.get(i) instanceof Stage.Sort) {
                g = i;
                break;
            }
        }
        this.firstBuffered = g;
        this.passed = new long[stages.size()];
    }

    /** A matching event enters the pipeline. */
    public void accept(RawEvent event, MatchOutput out) {
        ObjectNode row;
        try {
            row = (ObjectNode) JSON.readTree(event.jsonText());
        } catch (IOException | ClassCastException e) {
            return; // the evaluator already read this event; it is an object
        }
        for (int i = 0; i < firstBuffered; i++) {
            row = streaming(i, row);
            if (row == null) return;
        }
        if (firstBuffered < stages.size()) buffer.add(row);
        else out.row(rule, row);
    }

    /** At the end of the input: the buffered stages, then the rows. */
    public void finish(MatchOutput out) {
        if (firstBuffered >= stages.size()) return;
        List<ObjectNode> rows = buffer;
        for (int i = firstBuffered; i < stages.size(); i++) {
            Stage s = stages.get(i);
            if (s instanceof Stage.Group g) rows = group(g, rows);
            else if (s instanceof Stage.Sort so) rows.sort(comparator(so));
            else if (s instanceof Stage.Columns c) rows = rows.stream().map(r -> project(c, r)).toList();
            else if (s instanceof Stage.Limit l && l.count() >= 0 && rows.size() > l.count()) rows = rows.subList(0, l.count());
        }
        for (ObjectNode r : rows) out.row(rule, r);
    }

    private ObjectNode streaming(int i, ObjectNode row) {
        Stage s = stages.get(i);
        if (s instanceof Stage.Columns c) return project(c, row);
        if (s instanceof Stage.Limit l) return l.count() < 0 || passed[i]++ < l.count() ? row : null;
        return row;
    }

    private static ObjectNode project(Stage.Columns c, ObjectNode row) {
        ObjectNode out = JSON.createObjectNode();
        for (Stage.Column col : c.columns()) {
            JsonNode v = RowFields.get(row, col.field().written());
            out.set(col.name(), v == null ? JSON.nullNode() : v);
        }
        return out;
    }

    private static List<ObjectNode> group(Stage.Group g, List<ObjectNode> rows) {
        Map<List<String>, List<ObjectNode>> groups = new LinkedHashMap<>();
        for (ObjectNode r : rows) {
            List<String> key = new ArrayList<>();
            for (FieldRef f : g.by()) {
                JsonNode v = RowFields.get(r, f.written());
                key.add(v == null || v.isNull() ? null : v.asText());
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<List<String>, List<ObjectNode>> e : groups.entrySet()) {
            ObjectNode row = JSON.createObjectNode();
            for (int i = 0; i < g.by().size(); i++) row.put(g.by().get(i).written(), e.getKey().get(i));
            for (Stage.Aggregate a : g.aggregates()) row.set(a.name(), aggregate(a, e.getValue()));
            out.add(row);
        }
        return out;
    }

    private static JsonNode aggregate(Stage.Aggregate a, List<ObjectNode> rows) {
        String fn = a.function().toLowerCase(Locale.ROOT);
        if (fn.equals("count") && a.field() == null) return JSON.getNodeFactory().numberNode(rows.size());
        List<Double> numbers = new ArrayList<>();
        long present = 0;
        for (ObjectNode r : rows) {
            JsonNode v = a.field() == null ? null : RowFields.get(r, a.field().written());
            if (v == null || v.isNull()) continue;
            present++;
            try {
                numbers.add(v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText().strip()));
            } catch (NumberFormatException ignored) {
                // a non-numeric value takes no part in sum/min/max/avg, as in PowerQuery
            }
        }
        if (fn.equals("count")) return JSON.getNodeFactory().numberNode(present);
        if (numbers.isEmpty()) return JSON.nullNode();
        java.util.DoubleSummaryStatistics st = numbers.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        return number(switch (fn) {
            case "sum" -> st.getSum();
            case "min" -> st.getMin();
            case "max" -> st.getMax();
            default -> st.getAverage();
        });
    }

    /** Whole numbers print without a fraction (8080, not 8080.0). */
    private static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return JSON.getNodeFactory().numberNode((long) d);
        return JSON.getNodeFactory().numberNode(d);
    }

    private static Comparator<ObjectNode> comparator(Stage.Sort s) {
        Comparator<ObjectNode> c = (a, b) -> 0;
        for (Stage.SortKey k : s.keys()) {
            Comparator<ObjectNode> one = (a, b) -> compare(RowFields.get(a, k.field().written()), RowFields.get(b, k.field().written()));
            c = c.thenComparing(k.descending() ? one.reversed() : one);
        }
        return c;
    }

    /** Numbers numerically, otherwise as text; missing values last. */
    private static int compare(JsonNode a, JsonNode b) {
        boolean na = a == null || a.isNull();
        boolean nb = b == null || b.isNull();
        if (na || nb) return na == nb ? 0 : na ? 1 : -1;
        try {
            return Double.compare(Double.parseDouble(a.asText()), Double.parseDouble(b.asText()));
        } catch (NumberFormatException e) {
            return a.asText().compareTo(b.asText());
        }
    }
}
