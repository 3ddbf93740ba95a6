// --columns v2 against the interpreter: every corpus query, written with 2.0 names as nested struct fields, run in
// embedded DuckDB over Data Lake shaped events (2.0 names as nested objects) selects exactly the events the
// interpreter matches in the same events.
package dev.s1ql.render.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.Query;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.RulePack;
import dev.s1ql.events.RawEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events: every 20th line of {@code shared/data/bench/mordor_sdl.ndjson.gz} (the Mordor events in Singularity
 * Data Lake shape), numbered with an extra key {@code s1ql_row}. DuckDB reads them with {@code read_ndjson} and an
 * explicit {@code columns} list: one STRUCT per 2.0 root ({@code src}, {@code event}, ...) holding the fields the
 * queries read, every leaf VARCHAR, so values keep their text; the keys the files lack are NULL.
 */
class SqlV2NestedDifferentialTest {

    private static final ColumnNaming V2 = new ColumnNaming(ColumnNaming.Scheme.V2, Map.of());

    @TempDir
    Path tmp;

    @Test
    void nestedV2ColumnsSelectExactlyTheInterpretersMatches() throws Exception {
        Path sdl = dev.s1ql.SharedData.require("data/bench/mordor_sdl.ndjson.gz");
        List<Query> queries = dev.s1ql.SharedData.corpusQueries();
        ObjectMapper json = new ObjectMapper();
        List<String> events = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(sdl)), StandardCharsets.UTF_8))) {
            String line;
            for (int i = 0; (line = r.readLine()) != null; i++) {
                if (i % 20 != 0 || line.isBlank()) continue;
                ObjectNode e = (ObjectNode) json.readTree(line);
                e.put("s1ql_row", events.size());
                events.add(e.toString());
            }
        }
        Path file = tmp.resolve("sdl-sample.ndjson");
        Files.write(file, events);

        RulePack pack = new RulePack(EvalOptions.defaults());
        queries.forEach(pack::add);
        pack.finish();
        List<BitSet> interpreter = new ArrayList<>();
        for (int r = 0; r < queries.size(); r++) interpreter.add(new BitSet());
        for (int i = 0; i < events.size(); i++) {
            int row = i;
            pack.evaluate(RawEvent.of("e", i + 1, events.get(i).getBytes(StandardCharsets.UTF_8)),
                    (r, e) -> interpreter.get(r).set(row));
        }

        List<SqlTranslator.Written> sql = new ArrayList<>();
        Columns columns = new Columns();
        for (Query q : queries) {
            SqlTranslator.Written w = SqlTranslator.write(q, SqlDialect.DUCKDB, V2);
            sql.add(w);
            w.columns().forEach(columns::add);
        }

        List<String> differences = new ArrayList<>();
        long matches = 0;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE events AS SELECT * FROM read_ndjson(" + SqlDialect.DUCKDB.literal(file.toString())
                    + ", format = 'newline_delimited', columns = " + columns.parameter() + ")");
            for (int r = 0; r < queries.size(); r++) {
                BitSet expected = interpreter.get(r);
                matches += expected.cardinality();
                BitSet actual = new BitSet();
                String problem = null;
                if (sql.get(r).condition() == null) {
                    problem = "not translated: " + sql.get(r).diagnostics();
                } else {
                    try (ResultSet rs = st.executeQuery("SELECT s1ql_row FROM events WHERE " + sql.get(r).condition())) {
                        while (rs.next()) actual.set(rs.getInt(1));
                    } catch (SQLException ex) {
                        problem = "DuckDB: " + ex.getMessage().lines().findFirst().orElse("");
                    }
                }
                if (problem != null || !expected.equals(actual)) {
                    differences.add("query " + r + " " + (problem != null ? problem : "interpreter=" + expected
                            + " duckdb=" + actual) + "\n  " + queries.get(r).source() + "\n  " + sql.get(r).condition());
                }
            }
        }
        System.out.printf("SqlV2NestedDifferentialTest: %d of %d queries agree on all %d nested events; %d interpreter "
                + "matches%n", queries.size() - differences.size(), queries.size(), events.size(), matches);
        differences.stream().limit(30).forEach(System.out::println);
        assertEquals(List.of(), differences.stream().limit(10).toList());
        assertTrue(matches > 50, "too few matches to mean anything: " + matches);
    }

    /** The columns the queries read, as a tree of key paths: read_ndjson's columns, STRUCTs of VARCHAR leaves. */
    private static final class Columns {
        private final Map<String, Columns> fields = new LinkedHashMap<>();

        void add(List<String> path) {
            Columns c = this;
            for (String k : path) c = c.fields.computeIfAbsent(k, x -> new Columns());
        }

        String parameter() {
            StringBuilder sb = new StringBuilder("{'s1ql_row': 'INTEGER'");
            for (Map.Entry<String, Columns> e : fields.entrySet()) {
                if (e.getKey().equalsIgnoreCase("s1ql_row")) continue;
                sb.append(", ").append(SqlDialect.DUCKDB.literal(e.getKey())).append(": ")
                        .append(SqlDialect.DUCKDB.literal(e.getValue().type()));
            }
            return sb.append('}').toString();
        }

        private String type() {
            if (fields.isEmpty()) return "VARCHAR";
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Columns> e : fields.entrySet()) {
                parts.add(SqlDialect.DUCKDB.identifier(e.getKey()) + " " + e.getValue().type());
            }
            return "STRUCT(" + String.join(", ", parts) + ")";
        }
    }
}
