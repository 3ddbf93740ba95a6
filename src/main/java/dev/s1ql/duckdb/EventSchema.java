// The keys of the event files as DuckDB sees them (DESCRIBE of the scan): top-level columns and, below struct
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
    /** Other spellings of this key in the files ({@code SrcProcName} beside {@code srcProcName}). */
    private final java.util.List<String> otherSpellings = new java.util.ArrayList<>();

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

    /** The field spelled {@code key} in any case, or null; the first spelling wins, as in DuckDB's schema. */
    EventSchema field(String key) {
        return fields.get(key.toLowerCase(Locale.ROOT));
    }

    java.util.List<String> otherSpellings() {
        return otherSpellings;
    }

    /**
     * Adds a field. DuckDB names a key that differs from an earlier one only in case {@code KEY_1}; such a
     * column is recorded as another spelling {@code KEY} of the earlier field.
     */
    void add(EventSchema child) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+)_[0-9]+").matcher(child.name);
        if (m.matches()) {
            EventSchema first = fields.get(m.group(1).toLowerCase(Locale.ROOT));
            if (first != null && !first.name.equals(m.group(1))) {
                first.otherSpellings.add(m.group(1));
                return;
            }
        }
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
