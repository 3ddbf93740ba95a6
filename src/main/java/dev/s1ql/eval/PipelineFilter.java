// What s1ql eval runs of a PowerQuery as its event filter: the initial filter AND the `| filter` stages that come
// before any other stage (filters over fields only). The stages after them are applied to the rows it matches
// (eval.pipeline.PipelineRun). Commands s1ql does not model (join, lookup, ...) are reported as not applied.
package dev.s1ql.eval;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Operator;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.Stage;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;

import java.util.ArrayList;
import java.util.List;

public final class PipelineFilter {
    private PipelineFilter() {
    }

    /**
     * @param query        the query to evaluate (the leading filters folded into one AND), or null when it has no
     *                     filter
     * @param outputStages the stages applied to the matches, in order
     * @param notEvaluated a warning per stage that is not applied
     */
    public record Folded(Query query, List<Stage> outputStages, List<Diagnostic> notEvaluated) {
    }

    /** Whether the eval command applies this stage to the matches (every typed stage; not join, lookup, ...). */
    public static boolean applied(Stage s) {
        return !(s instanceof Stage.Other);
    }

    public static Folded fold(Query q) {
        if (q.pipeline().isEmpty() && q.root() != null) return new Folded(q, List.of(), List.of());
        List<Expr> parts = new ArrayList<>();
        if (q.root() != null) parts.add(q.root());
        List<Diagnostic> warnings = new ArrayList<>();
        List<Stage> output = new ArrayList<>();
        boolean leading = true;
        for (Stage s : q.pipeline()) {
            if (leading && s instanceof Stage.Filter f && f.expr() != null) {
                parts.add(f.expr());
                continue;
            }
            leading = false;
            if (applied(s)) {
                output.add(s);
            } else {
                warnings.add(new Diagnostic(Severity.WARNING, Code.UNSUPPORTED_2_0, "s1ql eval does not apply the '"
                        + ((Stage.Other) s).command() + "' stage; the output is as if it were absent", s.span(), null));
            }
        }
        if (parts.isEmpty()) return new Folded(null, output, warnings);
        Expr root = parts.size() == 1 ? parts.get(0) : new And(parts, Span.NONE);
        return new Folded(new Query(root, q.source(), q.comments(), q.dialect(), List.of()), output, warnings);
    }

    /**
     * The event filter of a PowerQuery that has none ({@code | group count() by event.type}: every event): a
     * test that holds for every event.
     */
    public static Query everyEvent(Query q) {
        Expr always = new Not(new Predicate(new FieldRef("s1ql:no-such-field", null, Span.NONE),
                Operator.of(MatchKind.EXISTS, false, false), List.of(), Span.NONE), Span.NONE);
        return new Query(always, q.source(), q.comments(), q.dialect(), List.of());
    }
}
