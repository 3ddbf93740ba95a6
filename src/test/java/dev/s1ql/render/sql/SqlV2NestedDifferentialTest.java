// --columns v2 against the interpreter: every corpus query, written with 2.0 names as nested struct fields, run in
// embedded DuckDB over Data Lake shaped events (2.0 names as nested objects) selects exactly the events the
// interpreter matches in the same events.
package dev.s1ql.render.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.Query;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

        List<BitSet> interpreter = SqlDifferential.interpreterVerdicts(queries, events);

        List<SqlTranslator.Written> sql = new ArrayList<>();
        Columns columns = new Columns();
        for (Query q : queries) {
            SqlTranslator.Written w = SqlTranslator.write(q, SqlDialect.DUCKDB, V2);
            sql.add(w);
            w.columns().forEach(columns::add);
        }

        SqlDifferential.Outcome outcome;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE events AS SELECT * FROM read_ndjson(" + SqlDialect.DUCKDB.literal(file.toString())
                    + ", format = 'newline_delimited', columns = " + columns.parameter() + ")");
            outcome = SqlDifferential.compare(db, "events", queries, sql, interpreter, events.size());
        }
        List<String> differences = outcome.differences();
        long matches = outcome.matches();
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
