// What the translation core hands every target for one query: the condition, the PowerQuery stages that are not
// event filters (a target renders or refuses them), and the diagnostics found on the way (the validator's checks
// included, so every target reports the same warnings).
package dev.s1ql.translate.core;

import dev.s1ql.ast.Query;
import dev.s1ql.ast.Stage;
import dev.s1ql.diag.Diagnostic;

import java.util.List;

/**
 * @param query        the query as parsed
 * @param condition    the event condition in negation normal form ({@link Cond#TRUE} when there is no filter)
 * @param outputStages PowerQuery stages after the event filters (group, sort, columns, ...), in order
 * @param diagnostics  checks and reading decisions (warnings and notes; never errors of the query)
 */
public record Lowered(Query query, Cond condition, List<Stage> outputStages, List<Diagnostic> diagnostics) {

    public Lowered {
        outputStages = List.copyOf(outputStages);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * For a target that translates event filters only: an error per stage that is not one, naming it, since the
     * output would lose it.
     */
    public List<Diagnostic> refuseStages(String target) {
        return outputStages.stream().map(s -> Diagnostic.of(dev.s1ql.diag.Code.UNSUPPORTED_2_0, s instanceof Stage.Filter
                ? "this filter computes values (functions, arithmetic or comparisons of two values); " + target
                + " gets only filters on fields" : "the '" + stageName(s) + "' stage is not translated to " + target
                + ": only the filters of a PowerQuery are, and this stage would be lost", s.span(),
                "translate the query without it")).toList();
    }

    /** The command word of a stage, for messages. */
    static String stageName(Stage s) {
        if (s instanceof Stage.Other o) return o.command();
        if (s instanceof Stage.Limit l) return l.count() < 0 ? "nolimit" : "limit";
        return s.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
