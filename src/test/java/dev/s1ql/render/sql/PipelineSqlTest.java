// The SQL of PowerQuery pipelines (PipelineSql) as `translate --to sql` writes it: one statement per pipeline that
// DuckDB runs and Trino's parser accepts, for every pipeline spec case; the common shapes written out exactly; what
// SQL cannot say refused with the stage or function named. Rows are checked against the built-in engine by the
// spec runner (SqlTarget over spec/pipeline).
package dev.s1ql.render.sql;

import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.eval.EvalSpecFile;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translators;
import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineSqlTest {

    private static Translation translate(String query, String dialect) {
        ParseResult r = new QueryReader().read(query, DialectChoice.AUTO);
        assertTrue(r.ok(), r.diagnostics()::toString);
        return Translators.forTarget("sql").translate(r.query(), new TranslationOptions(dialect, null, false));
    }

    static List<EvalSpecFile> specs() throws Exception {
        List<EvalSpecFile> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/spec/pipeline"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".spec")).sorted().toList()) out.add(EvalSpecFile.read(f));
        }
        return out;
    }

    @Test
    void everyPipelineSpecRunsInDuckDbAndParsesInTrino() throws Exception {
        List<String> failures = new ArrayList<>();
        int written = 0;
        for (EvalSpecFile spec : specs()) {
            Translation duck = translate(spec.query(), "duckdb");
            Translation trino = translate(spec.query(), "trino");
            if (spec.skips().containsKey("sql")) continue; // the runner checks that it still disagrees
            if (!duck.ok() || !trino.ok()) {
                failures.add(spec.name() + ": " + duck.diagnostics() + trino.diagnostics());
                continue;
            }
            written++;
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
                ParseResult r = new QueryReader().read(spec.query(), DialectChoice.AUTO);
                PipelineSql.Written w = PipelineSql.write(r.query(), SqlDialect.DUCKDB, ColumnNaming.V1, "\"events\"", null);
                DuckDbEvents.load(db, w.eventColumns().stream().map(c -> String.join(".", c)).toList(), spec.events());
                try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(duck.output())) {
                    while (rs.next()) {
                        // the statement runs to its end
                    }
                }
            } catch (Exception e) {
                failures.add(spec.name() + " (duckdb): " + e.getMessage() + "\n  " + duck.output());
            }
            try {
                new SqlParser().createStatement(trino.output());
            } catch (ParsingException e) {
                failures.add(spec.name() + " (trino): " + e.getMessage() + "\n  " + trino.output());
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(written >= 40, "pipeline statements checked: " + written);
    }

    @Test
    void aGroupWithItsFilterSortAndLimitIsOneSelect() {
        Translation t = translate("event.type = 'Process Creation' | group n = count() by src.process.user "
                + "| filter n > 5 | sort -n | limit 10", "duckdb");
        assertTrue(t.ok(), t.diagnostics()::toString);
        assertEquals("SELECT CAST(\"srcProcUser\" AS VARCHAR) AS \"src.process.user\", count(*) AS \"n\" FROM \"events\" "
                + "WHERE (coalesce(\"eventType\" = 'Process Creation', false)) GROUP BY CAST(\"srcProcUser\" AS VARCHAR) "
                + "HAVING (coalesce(count(*) > 5, false)) ORDER BY (count(*) IS NULL), count(*) DESC, "
                + "(CAST(\"srcProcUser\" AS VARCHAR) IS NULL), (CASE WHEN CASE WHEN regexp_matches(CAST(\"srcProcUser\" AS "
                + "VARCHAR), '^-?[0-9]+([.][0-9]+)?$') THEN CAST(CAST(\"srcProcUser\" AS VARCHAR) AS DOUBLE) END IS NULL "
                + "THEN 1 ELSE 0 END), CASE WHEN regexp_matches(CAST(\"srcProcUser\" AS VARCHAR), '^-?[0-9]+([.][0-9]+)?$') "
                + "THEN CAST(CAST(\"srcProcUser\" AS VARCHAR) AS DOUBLE) END, CAST(\"srcProcUser\" AS VARCHAR) LIMIT 10",
                t.output());
    }

    @Test
    void aLetAfterAGroupReadsTheGroupAsASubquery() {
        Translation t = translate("event.type = 'Process Creation' | group n = count() by endpoint.name "
                + "| let share = percent_of_total(n) | columns endpoint.name, share", "trino");
        assertTrue(t.ok(), t.diagnostics()::toString);
        assertTrue(t.output().startsWith("SELECT \"s1ql_c1\" AS \"endpoint.name\", (\"s1ql_c2\" * 100 / NULLIF(sum(\"s1ql_c2\") "
                + "OVER (), 0)) AS \"share\" FROM (SELECT CAST(\"endpointName\" AS VARCHAR) AS \"s1ql_c1\", count(*) AS "
                + "\"s1ql_c2\", row_number() OVER (ORDER BY"), t.output());
        assertTrue(t.output().endsWith(") AS \"s1ql_s4\" ORDER BY \"s1ql_o3\""), "the group's order kept: " + t.output());
    }

    @Test
    void whatSqlCannotSayIsRefusedByName() {
        Translation lookup = translate("src.process.name = 'a' | lookup os from machines by endpoint.name", "duckdb");
        assertFalse(lookup.ok());
        assertEquals(Code.PIPELINE_STAGE_NOT_TRANSLATED, lookup.diagnostics().get(0).code());
        assertTrue(lookup.diagnostics().get(0).message().contains("'lookup'"), lookup.diagnostics()::toString);
        Translation format = translate("src.process.name = 'a' | columns s = format(src.process.name, 1)", "duckdb");
        assertFalse(format.ok(), "a pattern that is not a constant");
        assertEquals(Code.PIPELINE_FUNCTION_NOT_TRANSLATED, format.diagnostics().get(0).code());
        assertTrue(format.diagnostics().get(0).message().contains("not a constant"), format.diagnostics()::toString);
        Translation v6 = translate("src.process.name = 'a' | columns s = net_ipsubnet(dst.ip.address, 'fc00::/7')",
                "duckdb");
        assertFalse(v6.ok(), "an IPv6 subnet");
        assertTrue(v6.diagnostics().get(0).message().contains("IPv6 subnet"), v6.diagnostics()::toString);
        Translation re2 = translate("src.process.name = 'a' | columns s = replace(src.process.name, '(?=a)', 'b')", "duckdb");
        assertFalse(re2.ok(), "a look-ahead DuckDB's RE2 cannot run");
    }

    @Test
    void whatSqlApproximatesIsAWarning() {
        Translation limit = translate("src.process.name = 'a' | limit 5", "duckdb");
        assertTrue(limit.ok());
        assertEquals(List.of(Code.PIPELINE_APPROXIMATE), limit.diagnostics().stream().map(Diagnostic::code).toList(),
                "a SQL table has no row order");
        Translation p95 = translate("src.process.name = 'a' | group p = p95(tgt.file.size)", "trino");
        assertTrue(p95.ok());
        assertEquals(List.of(Code.PIPELINE_APPROXIMATE), p95.diagnostics().stream().map(Diagnostic::code).toList());
        assertTrue(p95.output().contains("approx_percentile("), p95.output());
        Translation strict = Translators.forTarget("sql").translate(new QueryReader().read(
                "src.process.name = 'a' | limit 5", DialectChoice.AUTO).query(), new TranslationOptions("duckdb", null, true));
        assertFalse(strict.ok(), "--strict refuses approximations");
    }
}
