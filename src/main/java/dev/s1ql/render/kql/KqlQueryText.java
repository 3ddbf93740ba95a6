// Lays out the final KQL text: one pipeline per table (its slice filter, computed columns, the condition),
// and a union of parenthesised pipelines when the query needs several tables.
package dev.s1ql.render.kql;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

final class KqlQueryText {

    record Leg(KqlProfile.Source source, KqlExpr condition, Map<String, String> computed) {
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
        String condition = leg.condition() instanceof KqlExpr.Const ? null : KqlWriter.write(leg.condition());
        for (Map.Entry<String, String> c : leg.computed().entrySet()) {
            // A computed column is added only when the final condition still refers to it.
            if (condition != null && Pattern.compile("\\b" + Pattern.quote(c.getKey()) + "\\b").matcher(condition).find()) {
                sb.append("\n| extend ").append(c.getKey()).append(" = ").append(c.getValue());
            }
        }
        if (condition != null) sb.append("\n| where ").append(condition);
        return sb.toString();
    }
}
