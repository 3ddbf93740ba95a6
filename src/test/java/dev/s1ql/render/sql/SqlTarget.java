// DuckDB over the SQL translation as a spec target: the events loaded as one table (DuckDbEvents) and the
// translated condition selecting them. Spec files whose events hold a field as a 1.0 key, a nested 2.0 object and a
// flat dotted key side by side cannot be one table of that kind (one column per top-level key): they run through
// the DuckDB engine's scan (EventScan: each column the coalesce of the three spellings) over the events written to
// an NDJSON file. The translation takes the spec's 1.0 RegExp case reading, as the evaluator does; a spec with
// other options (enum case, the regex step budget) says so with a skip tag.
package dev.s1ql.render.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.duckdb.DuckDb;
import dev.s1ql.duckdb.DuckDbRulePack;
import dev.s1ql.eval.EvalSpecFile;
import dev.s1ql.oracle.SpecTarget;
import dev.s1ql.oracle.TargetRun;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class SqlTarget implements SpecTarget {

    /** The spec files whose events mix 1.0 keys, nested 2.0 objects and flat dotted keys. */
    private static final Set<String> THROUGH_ENGINE_SCAN = Set.of("dotted_names_nested_and_flat",
            "s1ql2_nested_event_and_pipeline_filter");

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public TargetRun run(EvalSpecFile spec) throws Exception {
        ParseResult parsed = new QueryReader().read(spec.query(), DialectChoice.AUTO);
        if (!parsed.ok()) throw new AssertionError("query does not parse: " + spec.query());
        if (spec.hasRows()) return pipeline(spec, parsed);
        return THROUGH_ENGINE_SCAN.contains(spec.name()) ? throughEngineScan(spec, parsed) : throughTable(spec, parsed);
    }

    /**
     * A pipeline case: the pipeline SQL through the DuckDB engine (`eval --engine duckdb`): the events written to
     * an NDJSON file, read by the engine's scan and numbered in file order, the rows as the engine prints them.
     */
    private static TargetRun pipeline(EvalSpecFile spec, ParseResult parsed) throws Exception {
        dev.s1ql.duckdb.DuckDbPipeline p = new dev.s1ql.duckdb.DuckDbPipeline(parsed.query());
        if (!p.ok() || p.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            throw new AssertionError("not translated: " + p.diagnostics());
        }
        Path dir = Files.createTempDirectory("s1ql-spec");
        Path events = dir.resolve(spec.name() + ".ndjson");
        try {
            Files.write(events, spec.events());
            List<Map<String, Object>> rows = new ArrayList<>();
            String sql;
            try (Connection db = DuckDb.open()) {
                sql = p.sql(db, List.of(events.toString()));
                p.run(db, List.of(events.toString()), r -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    r.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue()));
                    rows.add(row);
                });
            }
            return new TargetRun(rows, sql, "");
        } finally {
            Files.deleteIfExists(events);
            Files.deleteIfExists(dir);
        }
    }

    /** The spec's 1.0 RegExp case reading, which SQL takes as the evaluator does. */
    private static dev.s1ql.translate.core.LoweringOptions readings(EvalSpecFile spec) {
        return dev.s1ql.translate.core.LoweringOptions.DEFAULTS.withRegexCaseInsensitive(spec.options().regexCaseInsensitive());
    }

    private static TargetRun throughTable(EvalSpecFile spec, ParseResult parsed) throws Exception {
        SqlTranslator.Written w = SqlTranslator.write(parsed.query(), SqlDialect.DUCKDB, ColumnNaming.V1,
                SqlForm.PORTABLE, readings(spec));
        if (w.condition() == null || w.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            throw new AssertionError("not translated: " + spec.query() + " " + w.diagnostics());
        }
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbEvents.load(db, w.columns().stream().map(c -> String.join(".", c)).toList(), spec.events());
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT s1ql_row FROM " + SqlTranslator.TABLE + " WHERE "
                         + w.condition() + " ORDER BY s1ql_row")) {
                while (rs.next()) rows.add(Map.of("id", json.readTree(spec.events().get(rs.getInt(1))).path("id").asText()));
            }
        }
        return new TargetRun(rows, w.condition(), "");
    }

    private static TargetRun throughEngineScan(EvalSpecFile spec, ParseResult parsed) throws Exception {
        Path dir = Files.createTempDirectory("s1ql-spec");
        Path events = dir.resolve(spec.name() + ".ndjson");
        try {
            Files.write(events, spec.events());
            DuckDbRulePack pack = new DuckDbRulePack(readings(spec));
            List<Diagnostic> diagnostics = pack.add(parsed.query());
            if (diagnostics.stream().anyMatch(Diagnostic::isError)) throw new AssertionError("not translated: " + diagnostics);
            ObjectMapper json = new ObjectMapper();
            List<Map<String, Object>> rows = new ArrayList<>();
            try (Connection db = DuckDb.open()) {
                pack.match(db, List.of(events.toString()), (rule, f, event) -> {
                    try {
                        rows.add(Map.of("id", json.readTree(event).path("id").asText()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return new TargetRun(rows, spec.query() + " (through the DuckDB engine's scan)", "");
        } finally {
            Files.deleteIfExists(events);
            Files.deleteIfExists(dir);
        }
    }
}
