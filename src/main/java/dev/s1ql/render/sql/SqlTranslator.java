// S1QL -> SQL for DuckDB, Spark SQL and Trino: `SELECT * FROM <table> WHERE <condition>`, one column per event
// field, NULL for a missing field (a PowerQuery with stages: PipelineSql). The profile names the dialect;
// settings "table" and "columns" the rest.
package dev.s1ql.render.sql;

import dev.s1ql.ast.Query;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.translate.OneDotZeroSemantics;
import dev.s1ql.translate.Strictness;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.TranslationSetupException;
import dev.s1ql.translate.Translator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

public final class SqlTranslator implements Translator {

    /** The table the query reads unless setting {@code table} names another (docs/sql.md). */
    public static final String TABLE = "events";
    /** Setting: the table name, plain or qualified ({@code db.schema.events}). */
    public static final String SETTING_TABLE = "table";
    /** Setting: the column naming, {@code v1} (default) or {@code v2}. */
    public static final String SETTING_COLUMNS = "columns";

    @Override
    public String target() {
        return "sql";
    }

    @Override
    public List<String> profiles() {
        return SqlDialect.ALL.stream().map(SqlDialect::name).toList();
    }

    @Override
    public Set<String> settings() {
        return Set.of(SETTING_TABLE, SETTING_COLUMNS);
    }

    @Override
    public String lineComment(String text) {
        return "-- " + text;
    }

    @Override
    public Translation translate(Query query, TranslationOptions options) {
        SqlDialect dialect = dialect(options.profile());
        String table = table(dialect, options.setting(SETTING_TABLE));
        if (PipelineSql.hasStages(query)) {
            PipelineSql.Written p = PipelineSql.write(query, dialect, naming(options), table, null);
            return new Translation(p.sql(), Strictness.apply(p.diagnostics(), options.strict()));
        }
        Written w = write(query, dialect, naming(options));
        if (w.condition() == null) return new Translation(null, w.diagnostics());
        String sql = "SELECT * FROM " + table + " WHERE " + w.condition();
        return new Translation(sql, Strictness.apply(w.diagnostics(), options.strict()));
    }

    /** The WHERE condition (null when the query cannot be written), the columns it reads, and diagnostics. */
    public record Written(String condition, Set<List<String>> columns, List<Diagnostic> diagnostics,
                          Set<List<String>> foldedColumns) {
    }

    /** The condition over 1.0 camelCase columns. */
    public static Written write(Query query, SqlDialect dialect) {
        return write(query, dialect, ColumnNaming.V1);
    }

    /** The condition alone, for callers that build their own statement (the differential test, an engine). */
    public static Written write(Query query, SqlDialect dialect, ColumnNaming naming) {
        return write(query, dialect, naming, SqlForm.PORTABLE);
    }

    /** The condition in a chosen form ({@link SqlForm#SCAN} for one-scan rule packs). */
    public static Written write(Query query, SqlDialect dialect, ColumnNaming naming, SqlForm form) {
        // 2.0 and PowerQuery input: rewritten with 1.0 semantics, other pipeline stages refused.
        OneDotZeroSemantics.Adapted adapted = OneDotZeroSemantics.adapt(query);
        // Its one approximation (a case-sensitive 2.0 `=` on an enum field, which 1.0 cannot write) does not
        // apply: SQL writes the case rule of the query as it was read, so that warning is dropped.
        List<Diagnostic> diagnostics = new ArrayList<>(adapted.diagnostics().stream()
                .filter(d -> d.code() != Code.TRANSLATION_APPROXIMATE_VALUE).toList());
        if (adapted.query() == null || diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new Written(null, Set.of(), diagnostics, Set.of());
        }
        Query q = adapted.query();
        SqlConditionWriter writer = new SqlConditionWriter(dialect, FieldCatalog.defaults(), naming,
                query.enumFieldsIgnoreCase(), form);
        String condition = q.root() == null ? "true" : writer.write(q.root());
        diagnostics.addAll(writer.diagnostics());
        return new Written(condition, writer.columns(), diagnostics, writer.foldedColumns());
    }

    /** The column naming of the options: scheme {@code columns}, and the mapping file laid over it. */
    private static ColumnNaming naming(TranslationOptions options) {
        ColumnNaming.Scheme scheme = ColumnNaming.scheme(options.setting(SETTING_COLUMNS));
        if (scheme == null) {
            throw new TranslationSetupException("unknown column naming '" + options.setting(SETTING_COLUMNS)
                    + "' (known: v1, v2)");
        }
        return new ColumnNaming(scheme, options.mapping() == null ? java.util.Map.of()
                : ColumnMappingFile.read(options.mapping()));
    }

    private static String table(SqlDialect dialect, String name) {
        try {
            return dialect.tableName(name == null ? TABLE : name);
        } catch (IllegalArgumentException e) {
            throw new TranslationSetupException(e.getMessage() + " (a table name is NAME or a dotted db.schema.NAME)");
        }
    }

    private static SqlDialect dialect(String profile) {
        if (profile == null) return SqlDialect.DUCKDB;
        SqlDialect d = SqlDialect.named(profile);
        if (d == null) {
            throw new TranslationSetupException("unknown sql profile '" + profile + "' (known: duckdb, spark, trino)");
        }
        return d;
    }
}
