// Lays out the final KQL text: one pipeline per table (its slice filter, computed columns, the condition),
// and a union of parenthesised pipelines when the query needs several tables.
package dev.s1ql.render.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

final class KqlQueryText {

    /** @param eventConditions conditions on the event kind or device OS, printed in their own where */
    record Leg(KqlProfile.Source source, KqlExpr condition, Map<String, String> computed,
               Set<KqlExpr> eventConditions) {
    }

    private KqlQueryText() {
    }

    static String write(List<Leg> legs) {
        if (legs.size() == 1) return pipeline(legs.get(0));
        StringBuilder sb = new StringBuilder("union\n");
        for (int i = 0; i < legs.size(); i++) {
            sb.append("    (").append(pipeline(legs.get(i)).replace("\n", "\n    ")).append(')');
            sb.append(i + 1 < legs.size() ? ",\n" : "");
        }
        return sb.toString();
    }

    private static String pipeline(Leg leg) {
        StringBuilder sb = new StringBuilder(leg.source().table());
        if (!leg.source().filter().isEmpty()) sb.append("\n| where ").append(leg.source().filter());
        // "which events" (action type, device OS) first, then "what about them": a and b == where a | where b.
        List<KqlExpr> which = new ArrayList<>();
        List<KqlExpr> what = new ArrayList<>();
        List<KqlExpr> conjuncts = leg.condition() instanceof KqlExpr.All all ? all.operands()
                : leg.condition() instanceof KqlExpr.Const ? List.of() : List.of(leg.condition());
        for (KqlExpr c : conjuncts) (leg.eventConditions().contains(c) ? which : what).add(c);
        if (!which.isEmpty()) sb.append("\n| where ").append(KqlWriter.write(KqlExpr.and(which)));
        String condition = what.isEmpty() ? null : KqlWriter.write(KqlExpr.and(what));
        for (Map.Entry<String, String> c : leg.computed().entrySet()) {
            // A computed column is added only when the condition still refers to it.
            if (condition != null && Pattern.compile("\\b" + Pattern.quote(c.getKey()) + "\\b").matcher(condition).find()) {
                sb.append("\n| extend ").append(c.getKey()).append(" = ").append(c.getValue());
            }
        }
        if (condition != null) sb.append("\n| where ").append(condition);
        return sb.toString();
    }
}
