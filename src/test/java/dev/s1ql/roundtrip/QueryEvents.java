// Events made from a query's own fields and values, so that its predicates hold on some events and fail on
// others: a fixed set of real events alone leaves most corpus rules matching nothing, which compares nothing.
package dev.s1ql.roundtrip;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.And;
import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.Value;
import dev.s1ql.eval.PipelineFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public final class QueryEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryEvents() {
    }

    /**
     * Per value of each predicate: the field holding the value, the value inside other text, and the value in
     * upper and lower case; then one event holding every predicate's first value, and one with no field.
     */
    public static List<String> of(Query q) {
        List<Predicate> predicates = new ArrayList<>();
        Query filter = PipelineFilter.fold(q).query();
        if (filter != null) collect(filter.root(), predicates);
        List<String> out = new ArrayList<>();
        ObjectNode all = JSON.createObjectNode();
        for (Predicate p : predicates) {
            for (String key : keys(p.field())) {
                for (Value v : p.values()) {
                    if (v instanceof BoolValue b) {
                        // events hold JSON booleans; "TRUE" as text is no real event's value
                        out.add(JSON.createObjectNode().put(key, b.value()).toString());
                        out.add(JSON.createObjectNode().put(key, !b.value()).toString());
                        continue;
                    }
                    String t = v.text();
                    for (String shown : List.of(t, "x" + t + "y", t.toUpperCase(Locale.ROOT), t.toLowerCase(Locale.ROOT))) {
                        out.add(JSON.createObjectNode().put(key, shown).toString());
                    }
                }
                if (!p.values().isEmpty() && !all.has(key)) {
                    Value first = p.values().get(0);
                    if (first instanceof BoolValue b) all.put(key, b.value());
                    else all.put(key, first.text());
                }
            }
        }
        out.add(all.toString());
        out.add("{}");
        return out;
    }

    /**
     * The keys events hold the field under: its 1.0 key; for a legacy name or a #shortcut, its member fields'
     * keys (no event holds a key named like a shortcut); an unknown field's name as written.
     */
    private static List<String> keys(FieldRef f) {
        FieldInfo info = f.resolved();
        if (info == null) return List.of(f.written());
        if (info.kind() == FieldKind.FIELD || info.members().isEmpty()) return List.of(info.name());
        return info.members();
    }

    private static void collect(Expr e, List<Predicate> out) {
        if (e instanceof And a) a.operands().forEach(x -> collect(x, out));
        else if (e instanceof Or o) o.operands().forEach(x -> collect(x, out));
        else if (e instanceof Not n) collect(n.operand(), out);
        else if (e instanceof Predicate p) out.add(p);
    }
}
