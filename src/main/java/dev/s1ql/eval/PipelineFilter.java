// What s1ql eval runs of a PowerQuery: the initial filter AND every `| filter` stage; the output stages
// (columns, limit, group with count/sum/min/max/avg, sort) are applied by the eval command to the matches.
// Anything else (let, parse, lookup, join, other aggregates) is reported as not applied, never silently ignored.
package dev.s1ql.eval;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.Stage;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;

public final class PipelineFilter {
    private PipelineFilter() {
    }

    /** Aggregates the eval command computes for `group`. */
    public static final java.util.Set<String> AGGREGATES = java.util.Set.of("count", "sum", "min", "max", "avg",
            "average", "mean");

    /**
     * @param query        the query to evaluate (filters folded into one AND), or null when it has no filter
     * @param outputStages the stages the eval command applies to the matches, in order
     * @param notEvaluated a warning per stage that is not applied
     */
    public record Folded(Query query, List<Stage> outputStages, List<Diagnostic> notEvaluated) {
    }

    /** Whether the eval command applies this stage to the matches. */
    public static boolean applied(Stage s) {
        if (s instanceof Stage.Group g) {
            return g.aggregates().stream().allMatch(a -> AGGREGATES.contains(a.function().toLowerCase(java.util.Locale.ROOT)));
        }
        return s instanceof Stage.Columns || s instanceof Stage.Limit || s instanceof Stage.Sort;
    }

    public static Folded fold(Query q) {
        if (q.pipeline().isEmpty() && q.root() != null) return new Folded(q, List.of(), List.of());
        List<Expr> parts = new ArrayList<>();
        if (q.root() != null) parts.add(q.root());
        List<Diagnostic> warnings = new ArrayList<>();
        List<Stage> output = new ArrayList<>();
        for (Stage s : q.pipeline()) {
            if (s instanceof Stage.Filter f) parts.add(f.expr());
            else if (applied(s)) output.add(s);
            else warnings.add(Diagnostic.of(Code.UNSUPPORTED_2_0, "s1ql eval does not apply this stage (it applies "
                    + "filter, columns, limit, sort and group with count/sum/min/max/avg); the output is as if it "
                    + "were absent", s.span()).withSeverity(dev.s1ql.diag.Severity.WARNING));
        }
        if (parts.isEmpty()) {
            warnings.add(Diagnostic.of(Code.UNSUPPORTED_2_0, "a PowerQuery without any filter matches every event; "
                    + "s1ql eval needs at least one filter", Span.NONE));
            return new Folded(null, output, warnings);
        }
        Expr root = parts.size() == 1 ? parts.get(0) : new And(parts, Span.NONE);
        return new Folded(new Query(root, q.source(), q.comments(), q.dialect(), List.of()), output, warnings);
    }
}
