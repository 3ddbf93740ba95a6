// `s1ql eval --engine duckdb`: the queries as DuckDB SQL over NDJSON(.gz) or Parquet files, in one scan, printed
// in the built-in engine's formats (MatchOutput).
package dev.s1ql.cli.eval;

import dev.s1ql.cli.DiagnosticPrinter;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.duckdb.DuckDb;
import dev.s1ql.duckdb.DuckDbRulePack;
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
    public int run(List<QueryInput> all, DialectChoice dialect, List<String> files, boolean count, boolean json) {
        DuckDbRulePack pack = new DuckDbRulePack();
        List<QueryInput> rules = new ArrayList<>();
        int bad = 0;
        QueryReader reader = new QueryReader();
        for (QueryInput in : all) {
            ParseResult r = in.parse(reader, dialect);
            List<Diagnostic> ds = r.ok() ? pack.add(r.query()) : r.diagnostics();
            boolean added = r.ok() && ds.stream().noneMatch(Diagnostic::isError);
            for (Diagnostic d : ds) if (d.isError() || added) DiagnosticPrinter.print(err, in, d);
            if (added) rules.add(in);
            else bad++;
        }
        if (rules.isEmpty()) {
            err.println("s1ql eval: no query to evaluate");
            err.flush();
            return bad > 0 ? 1 : 2;
        }
        MatchOutput output = new MatchOutput(out, json);
        long started = System.nanoTime();
        long events;
        long matches = 0;
        try (Connection db = DuckDb.open()) {
            if (count) {
                long[] counts = pack.count(db, files);
                events = counts[rules.size()];
                for (int r = 0; r < rules.size(); r++) {
                    matches += counts[r];
                    output.count(rules.get(r), counts[r], events);
                }
            } else {
                long[] n = {0};
                events = pack.match(db, files, (rule, file, event) -> {
                    n[0]++;
                    output.match(rules.get(rule), file, event);
                });
                matches = n[0];
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
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("s1ql eval: %,d events, %d %s, %,d matches (duckdb, %.1f s)%n", events, rules.size(),
                rules.size() == 1 ? "query" : "queries", matches, seconds);
        err.flush();
        return bad > 0 ? 1 : 0;
    }
}
