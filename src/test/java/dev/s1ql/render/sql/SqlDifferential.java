// The two halves of a SQL-vs-interpreter differential test: the interpreter's verdicts (RulePack) per query and
// event, and the comparison with what DuckDB selects when it runs each query's SQL over the same events.
package dev.s1ql.render.sql;

import dev.s1ql.ast.Query;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.RulePack;
import dev.s1ql.events.MalformedEventException;
import dev.s1ql.events.RawEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

final class SqlDifferential {

    /** What the comparison found: one line per query that disagrees, and the totals for the report. */
    record Outcome(List<String> differences, long agreeingPairs, long matches) {
    }

    private SqlDifferential() {
    }

    /** For each query, the rows (event indexes) the interpreter matches. */
    static List<BitSet> interpreterVerdicts(List<Query> queries, List<String> events)
            throws MalformedEventException {
        RulePack pack = new RulePack(EvalOptions.defaults());
        queries.forEach(pack::add);
        pack.finish();
        List<BitSet> verdicts = new ArrayList<>();
        for (int r = 0; r < queries.size(); r++) verdicts.add(new BitSet());
        for (int i = 0; i < events.size(); i++) {
            int row = i;
            pack.evaluate(RawEvent.of("e", i + 1, events.get(i).getBytes(StandardCharsets.UTF_8)),
                    (r, e) -> verdicts.get(r).set(row));
        }
        return verdicts;
    }

    /**
     * Runs {@code SELECT s1ql_row FROM <table> WHERE <condition>} for each query and compares the rows with the
     * interpreter's; a query that was not translated or that DuckDB refuses is a difference too.
     */
    static Outcome compare(Connection db, String table, List<Query> queries, List<SqlTranslator.Written> sql,
                           List<BitSet> interpreter, int eventCount) throws SQLException {
        List<String> differences = new ArrayList<>();
        long agreeingPairs = 0;
        long matches = 0;
        try (Statement st = db.createStatement()) {
            for (int r = 0; r < queries.size(); r++) {
                BitSet expected = interpreter.get(r);
                matches += expected.cardinality();
                BitSet actual = new BitSet();
                String problem = null;
                if (sql.get(r).condition() == null) {
                    problem = "not translated: " + sql.get(r).diagnostics();
                } else {
                    try (ResultSet rs = st.executeQuery("SELECT s1ql_row FROM " + table + " WHERE "
                            + sql.get(r).condition())) {
                        while (rs.next()) actual.set(rs.getInt(1));
                    } catch (SQLException ex) {
                        problem = "DuckDB: " + ex.getMessage().lines().findFirst().orElse("");
                    }
                }
                BitSet diff = (BitSet) expected.clone();
                diff.xor(actual);
                if (problem == null) agreeingPairs += eventCount - diff.cardinality();
                if (problem != null || !diff.isEmpty()) {
                    differences.add("query " + r + " " + (problem != null ? problem : "interpreter=" + expected
                            + " duckdb=" + actual) + "\n  " + queries.get(r).source() + "\n  " + sql.get(r).condition());
                }
            }
        }
        return new Outcome(differences, agreeingPairs, matches);
    }
}
