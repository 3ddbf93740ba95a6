// `s1ql eval --engine duckdb`: a rule pack as DuckDB SQL over event files, in ONE scan. Counting is one
// statement, count(*) FILTER (WHERE rule_i) per rule; matching selects each event some rule matches with one
// boolean per rule. The conditions are SqlTranslator's (v1 columns); EventScan supplies those columns.
package dev.s1ql.duckdb;

import dev.s1ql.ast.Query;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.render.sql.ColumnNaming;
import dev.s1ql.render.sql.SqlDialect;
import dev.s1ql.render.sql.SqlForm;
import dev.s1ql.render.sql.SqlTranslator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

public final class DuckDbRulePack {

    /** Receives each event some rule matches, in the order DuckDB scans them (file order, insertion order kept). */
    public interface MatchListener {
        void matched(int rule, String file, String eventJson);
    }

    private final List<String> conditions = new ArrayList<>();
    private final Set<String> columns = new LinkedHashSet<>();
    /** Columns (lower case) the conditions also read lower-cased, from a twin column (SqlForm.SCAN). */
    private final Set<String> folded = new LinkedHashSet<>();
    /** The reading choices (1.0 RegExp case) the built-in evaluator was given too. */
    private final dev.s1ql.translate.core.LoweringOptions readings;

    public DuckDbRulePack() {
        this(dev.s1ql.translate.core.LoweringOptions.DEFAULTS);
    }

    public DuckDbRulePack(dev.s1ql.translate.core.LoweringOptions readings) {
        this.readings = readings;
    }

    /**
     * Adds a query; returns its diagnostics (an error means it cannot be written as SQL and was not added: its
     * index is then not a rule).
     */
    public List<Diagnostic> add(Query query) {
        SqlTranslator.Written w = SqlTranslator.write(query, SqlDialect.DUCKDB, ColumnNaming.V1, SqlForm.SCAN, readings);
        if (w.condition() == null || w.diagnostics().stream().anyMatch(Diagnostic::isError)) return w.diagnostics();
        conditions.add(w.condition());
        for (List<String> c : w.columns()) columns.add(c.get(0));
        for (List<String> c : w.foldedColumns()) folded.add(c.get(0).toLowerCase(Locale.ROOT));
        // what the built-in engine reports too: an invalid regex, and what SQL loses; not the validator's warnings
        return w.diagnostics().stream().filter(d -> d.code() == dev.s1ql.diag.Code.INVALID_REGEX
                || (d.code().id().startsWith("S30") && d.severity() == dev.s1ql.diag.Severity.WARNING)).toList();
    }

    /** A rule DuckDB refused to run, by its index when it was added, and DuckDB's reason. */
    public record Refused(int rule, String reason) {
    }

    /**
     * Plans each rule alone ({@code EXPLAIN}: DuckDB binds the statement and compiles its regexes, and reads no
     * event) and drops the ones DuckDB refuses, so that one rule cannot sink the pack. Called after the whole
     * pack failed; the remaining rules keep their order.
     *
     * @return the rules dropped, in order (empty when every rule plans, i.e. the failure was not a rule's)
     */
    public List<Refused> dropRefused(Connection db, List<String> files) throws SQLException {
        String scan = scan(db, files, false);
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            String sql = "EXPLAIN SELECT count(*) FILTER (WHERE " + conditions.get(i) + ") FROM (" + scan + ") AS events";
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
            } catch (SQLException e) {
                refused.add(new Refused(i, DuckDb.reason(e)));
            }
        }
        for (int k = refused.size() - 1; k >= 0; k--) conditions.remove(refused.get(k).rule());
        return refused;
    }

    public int size() {
        return conditions.size();
    }

    /** Per rule its number of matches, then the number of events: element {@code size()}. */
    public long[] count(Connection db, List<String> files) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String c : conditions) sql.append("count(*) FILTER (WHERE ").append(c).append("), ");
        sql.append("count(*) FROM (").append(scan(db, files, false)).append(") AS events");
        long[] out = new long[conditions.size() + 1];
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            rs.next();
            for (int i = 0; i < out.length; i++) out[i] = rs.getLong(i + 1);
        }
        return out;
    }

    /** Each match, event by event and per event rule by rule; returns the number of events read. */
    public long match(Connection db, List<String> files, MatchListener listener) throws SQLException {
        StringBuilder flags = new StringBuilder();
        StringBuilder any = new StringBuilder();
        for (int i = 0; i < conditions.size(); i++) {
            flags.append(", (").append(conditions.get(i)).append(") AS s1ql_m").append(i);
            any.append(i == 0 ? "" : " OR ").append("s1ql_m").append(i);
        }
        String scan = scan(db, files, true);
        String sql = "SELECT * FROM (SELECT " + EventScan.FILE + ", " + EventScan.EVENT + flags + " FROM (" + scan
                + ") AS events) WHERE " + (any.length() == 0 ? "false" : any);
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                for (int i = 0; i < conditions.size(); i++) {
                    if (rs.getBoolean(3 + i)) listener.matched(i, rs.getString(1), rs.getString(2));
                }
            }
        }
        String total = "SELECT count(*) FROM (" + scan(db, files, false, Set.of()) + ")";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(total)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String scan(Connection db, List<String> files, boolean withEvent) throws SQLException {
        return scan(db, files, withEvent, columns);
    }

    private String scan(Connection db, List<String> files, boolean withEvent, Set<String> columns) throws SQLException {
        return scanOf(db, files, withEvent, columns, columns == this.columns ? folded : Set.of());
    }

    /** The SELECT that reads {@code columns} (and with {@code withEvent} the event's JSON) from the files. */
    static String scanOf(Connection db, List<String> files, boolean withEvent, Set<String> columns, Set<String> folded)
            throws SQLException {
        EventScan scan;
        if (format(files) == EventScan.Format.PARQUET) {
            EventSchema schema = new EventSchema("", "STRUCT()");
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(ParquetScan.describe(files))) {
                while (rs.next()) schema.add(EventSchema.of(rs.getString("column_name"), rs.getString("column_type")));
            }
            scan = new ParquetScan(files, schema);
        } else {
            List<String> keys = new ArrayList<>();
            if (!columns.isEmpty()) {
                try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(NdjsonScan.keysQuery(files))) {
                    while (rs.next()) keys.add(rs.getString(1));
                }
            }
            scan = new NdjsonScan(files, keys);
        }
        return scan.select(columns, withEvent, new FieldSources(FieldCatalog.defaults()), folded);
    }

    /** Parquet by the name ({@code .parquet}); everything else is read as NDJSON (.gz decompressed). */
    static EventScan.Format format(List<String> files) {
        boolean parquet = files.stream().allMatch(f -> f.toLowerCase(Locale.ROOT).endsWith(".parquet"));
        boolean mixed = !parquet && files.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).endsWith(".parquet"));
        if (mixed) throw new IllegalArgumentException("--engine duckdb reads either NDJSON or Parquet files in one run, not both");
        return parquet ? EventScan.Format.PARQUET : EventScan.Format.NDJSON;
    }
}
