// S1QL -> SQL for DuckDB, Spark SQL and Trino: `SELECT * FROM <table> WHERE <condition>`, one column per event
// field, NULL for a missing field (a PowerQuery with stages: PipelineSql). The profile names the SQL product;
// settings "table" and "columns" the rest. The condition comes from the translation core (one leg: SQL sees every
// event with every field as a column).
package dev.s1ql.render.sql;

import dev.s1ql.ast.Query;
import dev.s1ql.ast.Span;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.translate.Strictness;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.TranslationSetupException;
import dev.s1ql.translate.Translator;
import dev.s1ql.translate.core.EventClass;
import dev.s1ql.translate.core.EventUniverse;
import dev.s1ql.translate.core.LegPlan;
import dev.s1ql.translate.core.Lowered;
import dev.s1ql.translate.core.Lowering;
import dev.s1ql.translate.core.LoweringOptions;
import dev.s1ql.translate.core.Specializer;

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
    public List<dev.s1ql.translate.TargetSetting> targetSettings() {
        return List.of(new dev.s1ql.translate.TargetSetting(SETTING_TABLE, "NAME", "sql: the table to read, NAME or "
                        + "qualified db.schema.NAME (default: events).", List.of()),
                new dev.s1ql.translate.TargetSetting(SETTING_COLUMNS, "NAMING", "sql: which columns hold the fields: v1 "
                        + "(default: 1.0 camelCase keys, tgtProcCmdLine) or v2 (2.0 dotted names as nested struct "
                        + "fields, src.process.name); --mapping FILE overrides single fields (docs/sql.md).",
                        List.of("v1", "v2")));
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
        Written w = write(query, dialect, naming(options), SqlForm.PORTABLE, LoweringOptions.of(options, false));
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

    /** The condition in a chosen form ({@link SqlForm#SCAN} for one-scan rule packs), default readings. */
    public static Written write(Query query, SqlDialect dialect, ColumnNaming naming, SqlForm form) {
        return write(query, dialect, naming, form, LoweringOptions.DEFAULTS);
    }

    /**
     * The condition in a chosen form with the given readings (the evaluator's engines pass the same regex-case
     * reading as the built-in evaluator, so that both engines agree).
     */
    public static Written write(Query query, SqlDialect dialect, ColumnNaming naming, SqlForm form,
                                LoweringOptions readings) {
        // SQL runs on SentinelOne's own events: i.scheme and meta.event.name are read (or derived) per event.
        Lowered lowered = new Lowering(readings.withStampsAsData(true)).lower(query);
        List<Diagnostic> diagnostics = new ArrayList<>(lowered.diagnostics());
        diagnostics.addAll(lowered.refuseStages("SQL"));
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) return new Written(null, Set.of(), diagnostics, Set.of());
        SqlConditionWriter writer = new SqlConditionWriter(dialect, naming, form);
        Span where = query.root() == null ? Span.NONE : query.root().span();
        LegPlan.Outcome<SqlConditionWriter.Sql, Void> out = LegPlan.translate(lowered.condition(),
                List.of(LegPlan.Leg.<Void>of(EventClass.ANY, null)), (t, leg) -> writer.leaf(t), writer,
                new Specializer(EventUniverse.defaults()), where);
        diagnostics.addAll(out.diagnostics());
        if (!out.ok()) {
            // no leg: the condition is false on every event (no error was found): an honest "false"
            if (out.lost().isEmpty()) {
                diagnostics.removeIf(d -> d.code() == dev.s1ql.diag.Code.TRANSLATION_NO_TABLE);
                return new Written("false", writer.columns(), diagnostics, writer.foldedColumns());
            }
            return new Written(null, Set.of(), diagnostics, Set.of());
        }
        var result = out.kept().get(0).result();
        String condition = result.isConstant() ? Boolean.toString(result.constant()) : result.value().text();
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
