// Readies the queries of an eval run: parses and compiles each into a RulePack, keeps its PowerQuery output
// stages, and hands every diagnostic to the caller (printed by `s1ql eval`, listed in JSON by `s1ql serve`).
package dev.s1ql.cli.eval;

import dev.s1ql.ast.Stage;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.eval.CompiledQuery;
import dev.s1ql.eval.PipelineFilter;
import dev.s1ql.eval.RulePack;
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
     * output stages (empty when none) to {@code outputStages}, in the same order. Reports parse errors, stages
     * that are not evaluated and compile warnings.
     *
     * @return how many inputs could not be evaluated
     */
    public static int compile(List<QueryInput> all, DialectChoice dialect, RulePack pack, List<QueryInput> rules,
                              List<List<Stage>> outputStages, DiagnosticListener diagnostics) {
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
            if (folded.query() == null) {
                bad++;
                continue;
            }
            int rule = pack.add(folded.query());
            rules.add(in);
            outputStages.add(folded.outputStages());
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
