// One row being evaluated, with its table's columns: reading a column the table does not have is a semantic error
// in Kusto ("Failed to resolve scalar expression named ..."), so the oracle throws.
package dev.s1ql.oracle.kql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

record KqlRow(Map<String, KqlColumn> columns, Map<String, Object> values) {

    static Map<String, KqlColumn> index(List<KqlColumn> columns) {
        Map<String, KqlColumn> out = new LinkedHashMap<>();
        for (KqlColumn c : columns) out.put(c.name(), c);
        return out;
    }

    Object column(String name) {
        KqlColumn c = columns.get(name);
        if (c == null) throw new KqlException("unknown column '" + name + "' (columns: " + columns.keySet() + ")");
        return KqlTable.value(values, c);
    }
}
