// `s1ql eval --engine duckdb`: the queries as DuckDB SQL over NDJSON(.gz) or Parquet files, in one scan (and one
// statement per PowerQuery with stages, DuckDbPipeline), printed in the built-in engine's formats (MatchOutput).
package dev.s1ql.cli.eval;

import dev.s1ql.cli.DiagnosticPrinter;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.ast.Span;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.duckdb.DuckDb;
import dev.s1ql.duckdb.DuckDbPipeline;
import dev.s1ql.duckdb.DuckDbRulePack;
import dev.s1ql.eval.PipelineFilter;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Exit codes as the built-in engine: 0, 1 (a query could not be run; the others still are), 2 (usage, I/O, or
 * DuckDB refusing the files — a malformed event stops the run, as with {@code --on-error fail}).
 */
public final class DuckDbEval {

    private final PrintWriter out;
    private final PrintWriter err;

    public DuckDbEval(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Runs {@code all} over {@code files}; returns the exit code. */
    public int run(List<QueryInput> all, DialectChoice dialect, List<String> files, boolean count, boolean json,
                   boolean regexCaseInsensitive) {
        DuckDbRulePack pack = new DuckDbRulePack(
                dev.s1ql.translate.core.LoweringOptions.DEFAULTS.withRegexCaseInsensitive(regexCaseInsensitive));
        List<QueryInput> rules = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        int bad = 0;
        QueryReader reader = new QueryReader();
        List<DuckDbPipeline> pipelines = new ArrayList<>();
        List<QueryInput> pipelineInputs = new ArrayList<>();
        for (QueryInput in : all) {
            ParseResult r = in.parse(reader, dialect);
            if (r.ok() && DuckDbPipeline.needed(r.query()) && !count) {
                // A PowerQuery with stages gives rows: its own statement (pipeline SQL), run after the pack.
                DuckDbPipeline p = new DuckDbPipeline(r.query());
                boolean ok = p.ok() && p.diagnostics().stream().noneMatch(Diagnostic::isError);
                for (Diagnostic d : p.diagnostics()) DiagnosticPrinter.print(err, in, d);
                if (ok) {
                    pipelines.add(p);
                    pipelineInputs.add(in);
                } else {
                    bad++;
                }
                continue;
            }
            // --count counts the events a PowerQuery's filters match, as the built-in engine does
            List<Diagnostic> ds = r.ok() ? pack.add(countable(r.query())) : r.diagnostics();
            boolean added = r.ok() && ds.stream().noneMatch(Diagnostic::isError);
            for (Diagnostic d : ds) if (d.isError() || added) DiagnosticPrinter.print(err, in, d);
            if (added) {
                rules.add(in);
                spans.add(r.query().root() != null ? r.query().root().span() : Span.NONE);
            } else {
                bad++;
            }
        }
        if (rules.isEmpty() && pipelines.isEmpty()) {
            err.println("s1ql eval: no query to evaluate");
            err.flush();
            return bad > 0 ? 1 : 2;
        }
        MatchOutput output = new MatchOutput(out, json);
        long started = System.nanoTime();
        long[] totals = {0, 0}; // events, matches
        try (Connection db = DuckDb.open()) {
            for (int i = 0; i < pipelines.size(); i++) {
                QueryInput in = pipelineInputs.get(i);
                try {
                    totals[1] += pipelines.get(i).run(db, files, row -> output.row(in, row));
                } catch (SQLException e) {
                    DiagnosticPrinter.print(err, in, Diagnostic.of(Code.ENGINE_REFUSED, "DuckDB cannot run this query: "
                            + DuckDb.reason(e), Span.NONE, "the built-in engine runs it (--engine builtin)"));
                    bad++;
                }
            }
            if (!pipelines.isEmpty()) totals[0] = DuckDbPipeline.events(db, files);
            while (!rules.isEmpty()) {
                long[] printed = {0};
                try {
                    long pipelineRows = totals[1];
                    totals = scan(pack, db, files, count, rules, output, printed);
                    totals[1] += pipelineRows;
                    break;
                } catch (SQLException e) {
                    // One query DuckDB refuses (a regex RE2 cannot compile, ...) must not sink the pack: find it,
                    // report it, and run the others (docs/sql.md). A failure that is no query's is the run's.
                    List<DuckDbRulePack.Refused> refused = printed[0] > 0 ? List.of() : pack.dropRefused(db, files);
                    if (refused.isEmpty()) throw e;
                    for (int k = refused.size() - 1; k >= 0; k--) {
                        int rule = refused.get(k).rule();
                        DiagnosticPrinter.print(err, rules.get(rule), Diagnostic.of(Code.ENGINE_REFUSED,
                                "DuckDB cannot run this query: " + refused.get(k).reason() + "; the other queries "
                                        + "ran without it", spans.get(rule), "the built-in engine runs it (--engine builtin)"));
                        rules.remove(rule);
                        spans.remove(rule);
                    }
                    err.flush();
                    bad += refused.size();
                    if (rules.isEmpty()) {
                        err.println("s1ql eval: no query to evaluate");
                        err.flush();
                        return 1;
                    }
                }
            }
        } catch (DuckDb.UnavailableException e) {
            err.println("s1ql eval: " + e.getMessage());
            err.flush();
            return 2;
        } catch (SQLException | IllegalArgumentException e) {
            out.flush();
            err.println("s1ql eval: duckdb: " + e.getMessage());
            err.flush();
            return 2;
        } finally {
            out.flush();
        }
        long events = totals[0];
        long matches = totals[1];
        double seconds = (System.nanoTime() - started) / 1e9;
        int queries = rules.size() + pipelines.size();
        err.printf("s1ql eval: %,d events, %d %s, %,d matches (duckdb, %.1f s)%n", events, queries,
                queries == 1 ? "query" : "queries", matches, seconds);
        err.flush();
        return bad > 0 ? 1 : 0;
    }

    /** What --count and the pack run of a query: a PowerQuery's event filter (every event when it has none). */
    private static dev.s1ql.ast.Query countable(dev.s1ql.ast.Query q) {
        if (!DuckDbPipeline.needed(q)) return q;
        PipelineFilter.Folded folded = PipelineFilter.fold(q);
        return folded.query() != null ? folded.query() : PipelineFilter.everyEvent(q);
    }

    /** One run of the pack; returns {events, matches}; counts in {@code printed} the match lines printed. */
    private static long[] scan(DuckDbRulePack pack, Connection db, List<String> files, boolean count,
                               List<QueryInput> rules, MatchOutput output, long[] printed) throws SQLException {
        if (count) {
            long[] counts = pack.count(db, files);
            long events = counts[rules.size()];
            long matches = 0;
            for (int r = 0; r < rules.size(); r++) {
                matches += counts[r];
                output.count(rules.get(r), counts[r], events);
            }
            return new long[]{events, matches};
        }
        long events = pack.match(db, files, (rule, file, event) -> {
            printed[0]++;
            output.match(rules.get(rule), file, event);
        });
        return new long[]{events, printed[0]};
    }
}
