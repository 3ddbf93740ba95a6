// Not a test: times DuckDB running the emitted SQL over a large NDJSON(.gz) export, for docs/sql.md.
//   java -cp target/test-classes:target/classes:$(cat cp.txt) dev.s1ql.render.sql.DuckDbBench EVENTS CORPUS
package dev.s1ql.render.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.ast.Query;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Loads the file into a DuckDB table (every top-level key a VARCHAR column, through {@code read_ndjson} with an
 * explicit column list, so numbers keep their JSON text), then runs one query (3 times, on the table, then once straight from the file) and the whole corpus once as
 * {@code count(*) FILTER (WHERE ...)} columns, 100 rules per statement.
 */
final class DuckDbBench {

    public static void main(String[] args) throws Exception {
        Path events = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        long t0 = System.nanoTime();
        Set<String> keys = new LinkedHashSet<>();
        long n = 0;
        JsonFactory jf = new JsonFactory();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(events), 1 << 16), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                n++;
                try (JsonParser p = jf.createParser(line)) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        keys.add(p.currentName());
                        p.nextToken();
                        p.skipChildren();
                    }
                }
            }
        }
        System.out.printf("key scan: %d events, %d keys, %.2f s%n", n, keys.size(), (System.nanoTime() - t0) / 1e9);

        List<Query> queries = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        S1qlParser parser = new S1qlParser();
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            ParseResult pr = parser.parse(json.readTree(line).path("s1ql").asText());
            if (pr.ok()) queries.add(pr.query());
        }
        List<String> conditions = new ArrayList<>();
        Set<String> lower = new LinkedHashSet<>();
        keys.forEach(k -> lower.add(k.toLowerCase()));
        Set<String> extra = new LinkedHashSet<>();
        for (Query q : queries) {
            SqlTranslator.Written w = SqlTranslator.write(q, SqlDialect.DUCKDB);
            conditions.add(w.condition());
            for (String c : w.columns().stream().map(x -> String.join(".", x)).toList()) if (lower.add(c.toLowerCase())) extra.add(c);
        }
        SqlDialect d = SqlDialect.DUCKDB;
        StringBuilder cols = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        for (String k : keys) {
            if (!seen.add(k.toLowerCase())) continue; // DuckDB column names are case-insensitive
            if (cols.length() > 0) cols.append(", ");
            cols.append(d.literal(k)).append(": 'VARCHAR'");
        }
        StringBuilder nulls = new StringBuilder();
        for (String c : extra) nulls.append(", NULL::VARCHAR AS ").append(d.identifier(c));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET preserve_insertion_order = false");
            long t1 = System.nanoTime();
            st.execute("CREATE TABLE events AS SELECT *" + nulls + " FROM read_ndjson(" + d.literal(events.toString())
                    + ", columns = {" + cols + "})");
            System.out.printf("load into a table: %.2f s%n", (System.nanoTime() - t1) / 1e9);
            if (args.length > 2) {
                String one = SqlTranslator.write(parser.parse(args[2]).query(), d).condition();
                for (int iter = 1; iter <= 3; iter++) {
                    long t3 = System.nanoTime();
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM events WHERE " + one)) {
                        rs.next();
                        System.out.printf("one query on the table, iteration %d: %d matches, %.3f s%n", iter,
                                rs.getLong(1), (System.nanoTime() - t3) / 1e9);
                    }
                }
                long t4 = System.nanoTime();
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_ndjson(" + d.literal(events.toString())
                        + ", columns = {" + cols + "}) WHERE " + one)) {
                    rs.next();
                    System.out.printf("one query straight from the file: %d matches, %.2f s%n", rs.getLong(1),
                            (System.nanoTime() - t4) / 1e9);
                }
            }
            for (int iter = 1; iter <= 1; iter++) {
                long t2 = System.nanoTime();
                long total = 0;
                for (int from = 0; from < conditions.size(); from += 100) {
                    StringBuilder sql = new StringBuilder("SELECT ");
                    int to = Math.min(conditions.size(), from + 100);
                    for (int i = from; i < to; i++) {
                        if (i > from) sql.append(", ");
                        sql.append("count(*) FILTER (WHERE ").append(conditions.get(i)).append(')');
                    }
                    try (ResultSet rs = st.executeQuery(sql.append(" FROM events").toString())) {
                        rs.next();
                        for (int i = from; i < to; i++) total += rs.getLong(i - from + 1);
                    }
                    System.out.printf("  rules %d-%d: %.1f s so far%n", from, to, (System.nanoTime() - t2) / 1e9);
                }
                System.out.printf("pack iteration %d: %d queries, %d matches, %.2f s wall%n", iter, conditions.size(),
                        total, (System.nanoTime() - t2) / 1e9);
            }
        }
    }
}
