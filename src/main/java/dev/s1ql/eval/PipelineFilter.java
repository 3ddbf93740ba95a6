// What s1ql eval runs of a PowerQuery: the initial filter AND every `| filter` stage. The other stages shape
// output (columns, limit, group, sort) and are reported as not evaluated, never silently ignored.
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

    /** The query to evaluate (filters folded into one AND) and a warning per stage that is not evaluated. */
    public record Folded(Query query, List<Diagnostic> notEvaluated) {
    }

    public static Folded fold(Query q) {
        if (q.pipeline().isEmpty() && q.root() != null) return new Folded(q, List.of());
        List<Expr> parts = new ArrayList<>();
        if (q.root() != null) parts.add(q.root());
        List<Diagnostic> warnings = new ArrayList<>();
        for (Stage s : q.pipeline()) {
            if (s instanceof Stage.Filter f) parts.add(f.expr());
            else warnings.add(Diagnostic.of(Code.UNSUPPORTED_2_0, "s1ql eval evaluates the filters of a PowerQuery; "
                    + "this stage is not applied to the output", s.span()).withSeverity(dev.s1ql.diag.Severity.WARNING));
        }
        if (parts.isEmpty()) {
            warnings.add(Diagnostic.of(Code.UNSUPPORTED_2_0, "a PowerQuery without any filter matches every event; "
                    + "s1ql eval needs at least one filter", Span.NONE));
            return new Folded(null, warnings);
        }
        Expr root = parts.size() == 1 ? parts.get(0) : new And(parts, Span.NONE);
        return new Folded(new Query(root, q.source(), q.comments(), q.dialect(), List.of()), warnings);
    }
}
