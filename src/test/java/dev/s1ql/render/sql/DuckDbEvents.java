// Loads NDJSON events into an embedded DuckDB table the way the interpreter reads them, for the SQL tests.
package dev.s1ql.render.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One VARCHAR column per event key (case-insensitively, as DuckDB resolves identifiers) plus every extra column
 * (those the queries read), holding each top-level value's JSON text as the interpreter reads it (the parser's
 * text of a scalar; JSON null is missing). A key an event does not have is NULL. Column {@code s1ql_row} is the
 * event's index in the list. Nested objects and arrays are not loaded (see docs/sql.md).
 */
final class DuckDbEvents {

    private DuckDbEvents() {
    }

    static void load(Connection db, Collection<String> extraColumns, List<String> events)
            throws SQLException, IOException {
        Map<String, String> columns = new LinkedHashMap<>(); // lower case -> spelling
        for (String c : extraColumns) columns.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String e : events) {
            Map<String, String> row = topLevelValues(e);
            rows.add(row);
            for (String k : row.keySet()) columns.putIfAbsent(k, k);
        }
        columns.remove("s1ql_row");
        SqlDialect d = SqlDialect.DUCKDB;
        List<String> keys = new ArrayList<>(columns.keySet());
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + SqlTranslator.TABLE + " (s1ql_row INTEGER");
        StringBuilder insert = new StringBuilder("INSERT INTO " + SqlTranslator.TABLE + " VALUES (?");
        for (String k : keys) {
            ddl.append(", ").append(d.identifier(columns.get(k))).append(" VARCHAR");
            insert.append(", ?");
        }
        try (Statement st = db.createStatement()) {
            st.execute(ddl.append(')').toString());
        }
        try (PreparedStatement ps = db.prepareStatement(insert.append(')').toString())) {
            for (int i = 0; i < rows.size(); i++) {
                ps.setInt(1, i);
                for (int c = 0; c < keys.size(); c++) ps.setString(c + 2, rows.get(i).get(keys.get(c)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The top-level values of one event, keyed in lower case. */
    static Map<String, String> topLevelValues(String line) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(line)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName().toLowerCase(Locale.ROOT);
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else if (v != JsonToken.VALUE_NULL) {
                    out.putIfAbsent(key, p.getText());
                }
            }
        }
        return out;
    }
}
