// The columns of Parquet event files as DuckDB sees them (DESCRIBE of read_parquet): top-level columns and, below struct
// columns, their fields; looked up without case, as the interpreter reads keys.
package dev.s1ql.duckdb;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A node is a struct (it has fields) or a leaf of any other type (text, number, list, JSON). */
final class EventSchema {

    /** The key as the files spell it, and the DuckDB type of its values. */
    private final String name;
    private final String type;
    private final Map<String, EventSchema> fields = new LinkedHashMap<>(); // lower case -> node

    EventSchema(String name, String type) {
        this.name = name;
        this.type = type;
    }

    String name() {
        return name;
    }

    boolean isStruct() {
        return type.startsWith("STRUCT(");
    }

    /** A list, map or other composite value, read as JSON text. */
    boolean isNested() {
        return type.endsWith("]") || type.startsWith("MAP(") || type.startsWith("UNION(");
    }

    /** The field spelled {@code key} in any case, or null; the first spelling wins, as in DuckDB's schema. */
    EventSchema field(String key) {
        return fields.get(key.toLowerCase(Locale.ROOT));
    }

    void add(EventSchema child) {
        fields.putIfAbsent(child.name.toLowerCase(Locale.ROOT), child);
    }

    /** A node of a DuckDB type, with the fields of a STRUCT type parsed below it. */
    static EventSchema of(String name, String type) {
        EventSchema n = new EventSchema(name, type);
        if (n.isStruct()) {
            for (Map.Entry<String, String> f : StructTypeParser.fields(type).entrySet()) n.add(of(f.getKey(), f.getValue()));
        }
        return n;
    }
}
