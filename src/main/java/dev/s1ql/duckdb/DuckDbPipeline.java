// `s1ql eval --engine duckdb` for a PowerQuery with stages: its pipeline SQL (PipelineSql) over the event files,
// the events numbered in file order so that limit, first/last and array_agg see the order the built-in engine
// sees; the rows printed as the built-in engine prints them.
package dev.s1ql.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.Query;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.events.EventJson;
import dev.s1ql.render.sql.ColumnNaming;
import dev.s1ql.render.sql.PipelineSql;
import dev.s1ql.render.sql.SqlDialect;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

public final class DuckDbPipeline {

    /** The input-order column the scan adds. */
    static final String SEQ = "s1ql_seq";

    private static final ObjectMapper JSON = EventJson.mapper();

    private final PipelineSql.Written written;

    public DuckDbPipeline(Query query) {
        this.written = PipelineSql.write(query, SqlDialect.DUCKDB, ColumnNaming.V1, SqlDialect.DUCKDB.identifier("events"),
                SqlDialect.DUCKDB.identifier(SEQ));
    }

    /** Whether the query has stages besides its leading filters (else DuckDbRulePack runs it). */
    public static boolean needed(Query query) {
        return PipelineSql.hasStages(query);
    }

    public List<Diagnostic> diagnostics() {
        return written.diagnostics();
    }

    public boolean ok() {
        return written.sql() != null;
    }

    /** The statement over the files: the scan as the table {@code events}, then the pipeline. */
    public String sql(Connection db, List<String> files) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        for (List<String> c : written.eventColumns()) columns.add(c.get(0));
        String scan = DuckDbRulePack.scanOf(db, files, true, columns, Set.of());
        return "WITH events AS (SELECT *, row_number() OVER () AS " + SqlDialect.DUCKDB.identifier(SEQ) + " FROM ("
                + scan + ") AS s1ql_input) " + written.sql();
    }

    /** The number of events in the files. */
    public static long events(Connection db, List<String> files) throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + DuckDbRulePack.scanOf(db, files, false, Set.of(), Set.of()) + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs the pipeline; each output row goes to {@code rows}; returns the number of rows. */
    public long run(Connection db, List<String> files, Consumer<ObjectNode> rows) throws SQLException {
        long n = 0;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql(db, files))) {
            // a computed column may share its name with an event column SELECT * brings: it comes last
            java.sql.ResultSetMetaData meta = rs.getMetaData();
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) index.put(meta.getColumnLabel(i), i);
            while (rs.next()) {
                ObjectNode row;
                if (written.eventRows()) {
                    try {
                        row = (ObjectNode) JSON.readTree(rs.getString(EventScan.EVENT));
                    } catch (IOException | ClassCastException e) {
                        row = JSON.createObjectNode();
                    }
                } else {
                    row = JSON.createObjectNode();
                }
                for (PipelineSql.Column c : written.columns()) row.set(c.name(), json(rs.getObject(index.get(c.name()))));
                rows.accept(row);
                n++;
            }
        }
        return n;
    }

    /** A SQL value as the built-in engine prints it: whole numbers without a fraction, lists as arrays. */
    static JsonNode json(Object v) throws SQLException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) return f.nullNode();
        if (v instanceof Number num) {
            double d = num.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) return f.nullNode();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return f.numberNode((long) d);
            return f.numberNode(d);
        }
        if (v instanceof Boolean b) return f.booleanNode(b);
        if (v instanceof Array a) {
            ArrayNode out = f.arrayNode();
            for (Object x : (Object[]) a.getArray()) out.add(json(x));
            return out;
        }
        if (v instanceof java.util.List<?> l) {
            ArrayNode out = f.arrayNode();
            for (Object x : l) out.add(json(x));
            return out;
        }
        return f.textNode(v.toString());
    }
}
