// Lays out the final KQL text: one pipeline per table (its slice filter, computed columns, the condition), and a
// union of parenthesised pipelines when the query needs several tables. Kinds of event read from the same table
// (ip and url from DeviceNetworkEvents) share one pipeline, their conditions OR-ed, so that a row is returned once.
package dev.s1ql.render.kql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

final class KqlQueryText {

    /**
     * @param eventConditions conditions on the event kind or device OS, printed in their own where
     * @param reads           columns the pipeline's later stages read (StageFields), added after the condition
     */
    record Leg(KqlProfile.Source source, KqlExpr condition, Map<String, String> computed,
               Set<KqlExpr> eventConditions, Map<String, String> reads) {

        Leg(KqlProfile.Source source, KqlExpr condition, Map<String, String> computed, Set<KqlExpr> eventConditions) {
            this(source, condition, computed, eventConditions, Map.of());
        }
    }

    private KqlQueryText() {
    }

    static String write(List<Leg> legs) {
        List<String> pipelines = new ArrayList<>();
        for (List<Leg> sameTable : byTable(legs).values()) {
            pipelines.add(sameTable.size() == 1 ? pipeline(sameTable.get(0)) : merged(sameTable));
        }
        if (pipelines.size() == 1) return pipelines.get(0);
        StringBuilder sb = new StringBuilder("union\n");
        for (int i = 0; i < pipelines.size(); i++) {
            sb.append("    (").append(pipelines.get(i).replace("\n", "\n    ")).append(')');
            sb.append(i + 1 < pipelines.size() ? ",\n" : "");
        }
        return sb.toString();
    }

    private static Map<String, List<Leg>> byTable(List<Leg> legs) {
        Map<String, List<Leg>> out = new LinkedHashMap<>();
        for (Leg l : legs) out.computeIfAbsent(l.source().table(), k -> new ArrayList<>()).add(l);
        return out;
    }

    private static String pipeline(Leg leg) {
        StringBuilder sb = new StringBuilder(leg.source().table());
        if (!leg.source().filter().isEmpty()) sb.append("\n| where ").append(leg.source().filter());
        // "which events" (action type, device OS) first, then "what about them": a and b == where a | where b.
        List<KqlExpr> which = new ArrayList<>();
        List<KqlExpr> what = new ArrayList<>();
        List<KqlExpr> conjuncts = leg.condition() instanceof KqlExpr.All all ? all.operands()
                : leg.condition() instanceof KqlExpr.Const ? List.of() : List.of(leg.condition());
        for (KqlExpr c : conjuncts) (isEventCondition(c, leg.eventConditions()) ? which : what).add(c);
        if (!which.isEmpty()) sb.append("\n| where ").append(KqlWriter.write(KqlExpr.and(which)));
        String condition = what.isEmpty() ? null : KqlWriter.write(KqlExpr.and(what));
        extend(sb, leg.computed(), condition);
        if (condition != null) sb.append("\n| where ").append(condition);
        reads(sb, leg.reads(), leg.computed(), condition);
        return sb.toString();
    }

    /**
     * Several kinds from one table: each kind's slice filter and condition, OR-ed, in one where. Kinds with the
     * same condition share it: {@code (filter1 or filter2) and condition}, or the condition alone when one of them
     * is the whole table.
     */
    private static String merged(List<Leg> legs) {
        StringBuilder sb = new StringBuilder(legs.get(0).source().table());
        Map<KqlExpr, List<String>> filtersByCondition = new LinkedHashMap<>();
        Map<String, String> computed = new LinkedHashMap<>();
        Map<String, String> reads = new LinkedHashMap<>();
        for (Leg l : legs) {
            reads.putAll(l.reads());
            filtersByCondition.computeIfAbsent(l.condition(), k -> new ArrayList<>()).add(l.source().filter());
            computed.putAll(l.computed());
        }
        List<KqlExpr> alternatives = new ArrayList<>();
        for (Map.Entry<KqlExpr, List<String>> e : filtersByCondition.entrySet()) {
            List<String> filters = e.getValue();
            KqlExpr slice = filters.contains("") ? KqlExpr.TRUE
                    : KqlExpr.or(filters.stream().map(f -> KqlExpr.atom("(" + f + ")")).toList());
            alternatives.add(KqlExpr.and(slice, e.getKey()));
        }
        KqlExpr any = KqlExpr.or(alternatives);
        String condition = any instanceof KqlExpr.Const ? null : KqlWriter.write(any);
        extend(sb, computed, condition);
        if (condition != null) sb.append("\n| where ").append(condition);
        reads(sb, reads, computed, condition);
        return sb.toString();
    }

    /** The columns later stages read, except a computed column the condition already added with the same value. */
    private static void reads(StringBuilder sb, Map<String, String> reads, Map<String, String> computed, String condition) {
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, String> r : reads.entrySet()) {
            boolean added = r.getValue().equals(computed.get(r.getKey())) && condition != null
                    && Pattern.compile("\\b" + Pattern.quote(r.getKey()) + "\\b").matcher(condition).find();
            if (!added) items.add(r.getKey() + " = " + r.getValue());
        }
        if (!items.isEmpty()) sb.append("\n| extend ").append(String.join(", ", items));
    }

    /** A condition made only of conditions on the kind of event or the device OS. */
    private static boolean isEventCondition(KqlExpr c, Set<KqlExpr> events) {
        if (events.contains(c)) return true;
        if (c instanceof KqlExpr.All a) return a.operands().stream().allMatch(x -> isEventCondition(x, events));
        if (c instanceof KqlExpr.Any a) return a.operands().stream().allMatch(x -> isEventCondition(x, events));
        if (c instanceof KqlExpr.Negation n) return isEventCondition(n.operand(), events);
        return false;
    }

    /** A computed column is added only when the condition still refers to it. */
    private static void extend(StringBuilder sb, Map<String, String> computed, String condition) {
        for (Map.Entry<String, String> c : computed.entrySet()) {
            if (condition != null && Pattern.compile("\\b" + Pattern.quote(c.getKey()) + "\\b").matcher(condition).find()) {
                sb.append("\n| extend ").append(c.getKey()).append(" = ").append(c.getValue());
            }
        }
    }
}
