// Every corpus query, translated to DuckDB SQL and run embedded over the shared events, must select exactly the
// events the interpreter (RulePack) matches.
package dev.s1ql.render.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s1ql.ast.Query;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The events are loaded by {@link DuckDbEvents}: a VARCHAR column per event key and per column a query reads,
 * NULL where an event has no such key. Needs ../shared; skipped without it.
 */
class SqlDuckDbDifferentialTest {

    private static final Path SHARED = Path.of("../shared");

    @Test
    void duckDbSelectsExactlyTheInterpretersMatchesForEveryCorpusQuery() throws Exception {
        List<Query> queries = dev.s1ql.SharedData.corpusQueries();
        List<String> events = new ArrayList<>();
        for (String f : List.of("dv_mordor_sample.ndjson", "dv_sigma_regression.ndjson")) {
            for (String line : Files.readAllLines(SHARED.resolve("data/events").resolve(f), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) events.add(line);
            }
        }

        List<BitSet> interpreter = SqlDifferential.interpreterVerdicts(queries, events);

        // The SQL of every query, and the columns they read.
        List<SqlTranslator.Written> sql = new ArrayList<>();
        Map<String, String> columns = new LinkedHashMap<>(); // lower case -> spelling
        for (Query q : queries) {
            SqlTranslator.Written w = SqlTranslator.write(q, SqlDialect.DUCKDB);
            sql.add(w);
            for (List<String> path : w.columns()) {
                String c = String.join(".", path);
                columns.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
            }
        }

        SqlDifferential.Outcome outcome;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbEvents.load(db, columns.values(), events);
            outcome = SqlDifferential.compare(db, SqlTranslator.TABLE, queries, sql, interpreter, events.size());
        }
        List<String> differences = outcome.differences();
        long matches = outcome.matches();
        int agreeingQueries = queries.size() - differences.size();
        long agreeingPairs = outcome.agreeingPairs();
        System.out.printf("SqlDuckDbDifferentialTest: %d of %d queries agree on all %d events; %d of %d "
                        + "(query, event) pairs agree; %d interpreter matches%n", agreeingQueries, queries.size(),
                events.size(), agreeingPairs, (long) queries.size() * events.size(), matches);
        differences.stream().limit(30).forEach(System.out::println);
        assertEquals(List.of(), differences.stream().limit(10).toList());
        assertTrue(matches > 100, "too few matches to mean anything: " + matches);
    }
}
