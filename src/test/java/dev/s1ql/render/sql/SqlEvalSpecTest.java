// Runs every evaluation spec file (src/test/resources/spec/eval) through the DuckDB SQL translation: the events
// the SQL selects must be the ids the spec expects of the interpreter.
package dev.s1ql.render.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.EvalSpecFile;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class SqlEvalSpecTest {

    private static final Path SPECS = Path.of("src/test/resources/spec/eval");

    /**
     * Spec files whose events hold a field as a 1.0 key, a nested 2.0 object or a flat dotted key, side by side:
     * one table loaded by DuckDbEvents (one column per top-level key) cannot hold them, so they run through the
     * DuckDB engine's scan (EventScan: each column the coalesce of the three spellings), over the events written
     * to an NDJSON file. Evaluation options other than the defaults are out of scope (the translation writes the
     * default semantics only), by their options line.
     */
    private static final Map<String, String> THROUGH_ENGINE_SCAN = Map.of(
            "dotted_names_nested_and_flat.spec", "nested and flat 2.0 names",
            "s1ql2_nested_event_and_pipeline_filter.spec", "nested and flat 2.0 names");

    @org.junit.jupiter.api.io.TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> specFilesThroughDuckDb() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SPECS)) {
            files = s.filter(p -> p.toString().endsWith(".spec")).sorted().toList();
        }
        assertTrue(files.size() > 0, "no spec files in " + SPECS);
        // Out of scope, with its written reason: evaluation options other than the defaults, which the
        // translation does not write; pinned by outOfScopeCasesAreTheListedOnes.
        List<Path> covered = new ArrayList<>();
        for (Path f : files) if (covered(f)) covered.add(f);
        return covered.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            if (THROUGH_ENGINE_SCAN.containsKey(f.getFileName().toString())) runThroughEngineScan(f);
            else run(f);
        }));
    }

    private static boolean covered(Path f) throws java.io.IOException {
        EvalOptions o = EvalSpecFile.read(f).options();
        return o.withRegexCaseInsensitive(true).equals(EvalOptions.defaults());
    }

    private static void runThroughEngineScan(Path file) throws Exception {
        EvalSpecFile spec = EvalSpecFile.read(file);
        ParseResult parsed = new QueryReader().read(spec.query(), DialectChoice.AUTO);
        assertTrue(parsed.ok(), "query does not parse: " + spec.query());
        Path events = tmp.resolve(spec.name() + ".ndjson");
        Files.write(events, spec.events());
        dev.s1ql.duckdb.DuckDbRulePack pack = new dev.s1ql.duckdb.DuckDbRulePack(readings(spec));
        assertTrue(pack.add(parsed.query()).stream().noneMatch(dev.s1ql.diag.Diagnostic::isError));
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        try (Connection db = dev.s1ql.duckdb.DuckDb.open()) {
            pack.match(db, List.of(events.toString()), (rule, f, event) -> {
                try {
                    ids.add(json.readTree(event).path("id").asText());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertEquals(spec.expected(), ids, file.getFileName().toString());
    }

    @org.junit.jupiter.api.Test
    void outOfScopeCasesAreTheListedOnes() throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(SPECS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".spec")).sorted().toList()) {
                if (!covered(f)) out.add(f.getFileName().toString());
            }
        }
        // the two spec files that set evaluation options SQL does not have (enum case, the regex step budget)
        assertEquals(2, out.size(), out::toString);
    }

    /** The spec's 1.0 RegExp case reading, which SQL takes as the evaluator does. */
    private static dev.s1ql.translate.core.LoweringOptions readings(EvalSpecFile spec) {
        return dev.s1ql.translate.core.LoweringOptions.DEFAULTS.withRegexCaseInsensitive(spec.options().regexCaseInsensitive());
    }

    private static void run(Path file) throws Exception {
        String name = file.getFileName().toString();
        EvalSpecFile spec = EvalSpecFile.read(file);
        ParseResult parsed = new QueryReader().read(spec.query(), DialectChoice.AUTO);
        assertTrue(parsed.ok(), "query does not parse: " + spec.query());
        SqlTranslator.Written w = SqlTranslator.write(parsed.query(), SqlDialect.DUCKDB, ColumnNaming.V1,
                SqlForm.PORTABLE, readings(spec));
        assertTrue(w.condition() != null, () -> "not translated: " + spec.query() + " " + w.diagnostics());
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbEvents.load(db, w.columns().stream().map(c -> String.join(".", c)).toList(), spec.events());
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT s1ql_row FROM " + SqlTranslator.TABLE + " WHERE "
                         + w.condition() + " ORDER BY s1ql_row")) {
                while (rs.next()) ids.add(json.readTree(spec.events().get(rs.getInt(1))).path("id").asText());
            }
        }
        assertEquals(spec.expected(), ids, () -> name + ": " + spec.query() + "\n" + w.condition());
    }
}
