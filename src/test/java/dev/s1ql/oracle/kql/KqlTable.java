// A table as the KQL oracle holds it: typed columns and rows (column name -> value). A row without a value for a
// column reads as that type's missing value ("" for string, null otherwise).
package dev.s1ql.oracle.kql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public record KqlTable(List<KqlColumn> columns, List<Map<String, Object>> rows) {

    public KqlTable {
        columns = List.copyOf(columns);
        List<Map<String, Object>> copy = new ArrayList<>();
        for (Map<String, Object> r : rows) copy.add(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r)));
        rows = List.copyOf(copy);
    }

    /** The column of that name, or null. */
    public KqlColumn column(String name) {
        for (KqlColumn c : columns) if (c.name().equals(name)) return c;
        return null;
    }

    /** A row's value for a column, with the column type's missing value when the row has none. */
    public static Object value(Map<String, Object> row, KqlColumn column) {
        Object v = row.get(column.name());
        return v == null ? column.type().missing() : v;
    }

    /** The rows with every column filled in (missing values made explicit), for comparing results. */
    public List<Map<String, Object>> completeRows() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> full = new LinkedHashMap<>();
            for (KqlColumn c : columns) full.put(c.name(), value(r, c));
            out.add(full);
        }
        return out;
    }
}
