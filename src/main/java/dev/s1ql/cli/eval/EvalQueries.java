// Readies the queries of an eval run: parses and compiles each into a RulePack, readies its PowerQuery stages as a
// PipelineRun, and hands every diagnostic to the caller (printed by `s1ql eval`, listed in JSON by `s1ql serve`).
package dev.s1ql.cli.eval;

import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.eval.CompiledQuery;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.PipelineFilter;
import dev.s1ql.eval.RulePack;
import dev.s1ql.eval.pipeline.PipelineRun;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;

import java.util.List;

public final class EvalQueries {

    /** Where diagnostics about an input go. */
    public interface DiagnosticListener {
        void report(QueryInput in, Diagnostic d);
    }

    private EvalQueries() {
    }

    /**
     * Parses and compiles each input into {@code pack}; the inputs that compiled go to {@code rules} and their
     * PowerQuery stages to {@code pipelines} (null when the query has none to apply), in the same order. A
     * PowerQuery without a filter reads every event. Reports parse errors, stages that are not evaluated, functions
     * that are not computed, and compile warnings.
     *
     * @return how many inputs could not be evaluated
     */
    public static int compile(List<QueryInput> all, DialectChoice dialect, RulePack pack, EvalOptions options,
                              List<QueryInput> rules, List<PipelineRun> pipelines, DiagnosticListener diagnostics) {
        QueryReader reader = new QueryReader();
        int bad = 0;
        for (QueryInput in : all) {
            ParseResult r = in.parse(reader, dialect);
            if (!r.ok()) {
                bad++;
                for (Diagnostic d : r.diagnostics()) if (d.isError()) diagnostics.report(in, d);
                continue;
            }
            PipelineFilter.Folded folded = PipelineFilter.fold(r.query());
            for (Diagnostic d : folded.notEvaluated()) diagnostics.report(in, d);
            int rule = pack.add(folded.query() != null ? folded.query() : PipelineFilter.everyEvent(r.query()));
            rules.add(in);
            PipelineRun stages = folded.outputStages().isEmpty() ? null
                    : new PipelineRun(folded.outputStages(), r.query().dialect(), options);
            if (stages != null) for (Diagnostic d : stages.diagnostics()) diagnostics.report(in, d);
            pipelines.add(stages);
            CompiledQuery compiled = pack.rules().get(rule);
            for (Diagnostic d : compiled.diagnostics()) diagnostics.report(in, d);
        }
        return bad;
    }

    /** After a run: one warning per regex that was given up after its step budget. */
    public static void reportAbandonedRegexes(RulePack pack, List<QueryInput> rules, DiagnosticListener diagnostics) {
        for (RulePack.RegexReport r : pack.regexReports()) {
            String msg = String.format("regex given up %,d times after the step budget (values up to %,d chars); "
                    + "those tests counted as no match", r.times(), r.longest());
            diagnostics.report(rules.get(r.rule()), Diagnostic.of(Code.PATHOLOGICAL_REGEX, msg, r.predicate().span()));
        }
    }
}
