// The SQL that reads event files into the table the emitted SQL expects: one VARCHAR column per column a
// condition reads, each the coalesce of the key paths the interpreter would read it from (FieldSources), as
// the files spell them (EventSchema); NULL when the files have none of them.
package dev.s1ql.duckdb;

import dev.s1ql.render.sql.SqlDialect;
import dev.s1ql.render.sql.SqlForm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * NDJSON: {@code read_ndjson} with an explicit {@code columns} list, only the keys needed, every leaf VARCHAR (a
 * number keeps its JSON text when it is an integer; an object or array arrives as its JSON text); with the
 * events themselves wanted, {@code read_ndjson_objects} and {@code json_transform} to the same structure, so
 * that the raw line can be printed. Parquet: {@code read_parquet}, each value cast to VARCHAR (structs and
 * lists as JSON text). A key path that runs into a non-struct value is read with {@code json_extract_string}.
 */
final class EventScan {

    enum Format { NDJSON, PARQUET }

    /** Column names of the scan besides the event columns. */
    static final String FILE = "s1ql_file";
    static final String EVENT = "s1ql_event";

    private static final SqlDialect D = SqlDialect.DUCKDB;

    private final Format format;
    private final List<String> files;
    private final EventSchema schema;

    EventScan(Format format, List<String> files, EventSchema schema) {
        this.format = format;
        this.files = files;
        this.schema = schema;
    }

    /** The reader call over all files, e.g. {@code read_ndjson(['a.gz', 'b.gz'], ...)}. */
    static String fileList(List<String> files) {
        List<String> lits = new ArrayList<>();
        for (String f : files) lits.add(D.literal(f));
        return "[" + String.join(", ", lits) + "]";
    }

    /**
     * The statement whose DESCRIBE gives the schema (DuckDB samples each NDJSON file; Parquet has it). With
     * {@code shallow}, nested objects are not looked into (their values are JSON text), for files whose objects
     * spell one key in two cases, which DuckDB's struct detection refuses.
     */
    static String describe(Format format, List<String> files, boolean shallow) {
        return "DESCRIBE SELECT * FROM " + (format == Format.PARQUET
                ? "read_parquet(" + fileList(files) + ", union_by_name = true)"
                : "read_ndjson(" + fileList(files) + ", union_by_name = true" + (shallow ? ", maximum_depth = 1" : "")
                        + ")");
    }

    /**
     * A key path as the files spell it; from index {@code textAt} on, its keys are read from JSON text. A
     * {@code raw} path (a second spelling of a top-level key) is read from the event's own JSON text.
     */
    private record Physical(List<String> keys, int textAt, boolean raw) {
    }

    /**
     * {@code SELECT <columns> FROM <reader>}: the columns {@code s1ql_file} (the file name), with
     * {@code withEvent} {@code s1ql_event} (the event as JSON text), and each of {@code columns} by its name,
     * and for those in {@code folded} (lower case) also its lower-cased twin (SqlForm.folded).
     */
    String select(Collection<String> columns, boolean withEvent, FieldSources sources, Set<String> folded) {
        // Per column: the physical key paths found in the files.
        Map<String, List<Physical>> found = new LinkedHashMap<>();
        Declared needed = new Declared();
        Map<String, String> seen = new LinkedHashMap<>(); // lower case -> first spelling
        for (String c : columns) {
            if (seen.putIfAbsent(c.toLowerCase(Locale.ROOT), c) != null) continue;
            List<Physical> paths = new ArrayList<>();
            for (List<String> source : sources.of(c)) {
                Physical physical = resolve(source);
                if (physical != null && !paths.contains(physical)) {
                    paths.add(physical);
                    if (format == Format.NDJSON) needed.add(physical);
                }
                if (physical != null && format == Format.NDJSON) {
                    for (String other : schema.field(source.get(0)).otherSpellings()) {
                        List<String> keys = new ArrayList<>(physical.keys());
                        keys.set(0, other);
                        paths.add(new Physical(keys, 0, true));
                    }
                }
            }
            found.put(c, paths);
        }
        // The raw event is needed to print it, or to read a key by a second spelling.
        boolean raw = withEvent || found.values().stream().flatMap(List::stream).anyMatch(Physical::raw);
        String row = "s1ql_scan";
        String base = format == Format.NDJSON && raw ? row + ".s1ql_j" : row;
        List<String> select = new ArrayList<>();
        select.add(row + ".filename AS " + FILE);
        if (withEvent) {
            select.add(format == Format.PARQUET
                    ? "json_merge_patch(to_json(" + row + "), '{\"filename\":null}')::VARCHAR AS " + EVENT
                    : row + ".json::VARCHAR AS " + EVENT);
        }
        for (Map.Entry<String, List<Physical>> e : found.entrySet()) {
            List<String> exprs = new ArrayList<>();
            for (Physical p : e.getValue()) {
                exprs.add(p.raw() ? "json_extract_string(" + row + ".json, " + D.literal(jsonPath(p.keys())) + ")"
                        : value(base, p, needed));
            }
            String v = exprs.isEmpty() ? "CAST(NULL AS VARCHAR)"
                    : exprs.size() == 1 ? exprs.get(0) : "coalesce(" + String.join(", ", exprs) + ")";
            select.add(v + " AS " + D.identifier(e.getKey()));
            if (folded.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                select.add("lower(" + v + ") AS " + D.identifier(SqlForm.folded(List.of(e.getKey()))));
            }
        }
        return "SELECT " + String.join(", ", select) + " FROM " + reader(raw, needed) + " AS " + row;
    }

    /** The files' spelling of a key path, or null when the schema has no such key. */
    private Physical resolve(List<String> source) {
        List<String> out = new ArrayList<>();
        EventSchema node = schema;
        for (int i = 0; i < source.size(); i++) {
            if (i > 0 && !node.isStruct()) {
                // A non-struct value on the way (JSON text in mixed files): the rest is read from its text.
                if (format == Format.PARQUET) return null;
                out.addAll(source.subList(i, source.size()));
                return new Physical(out, i, false);
            }
            EventSchema child = node.field(source.get(i));
            if (child == null) return null;
            out.add(child.name());
            node = child;
        }
        if (format == Format.PARQUET && node.isStruct()) return new Physical(out, -1, false); // to_json of the struct
        return new Physical(out, out.size(), false);
    }

    /** The value of a physical path as VARCHAR. */
    private String value(String base, Physical p, Declared needed) {
        if (format == Format.PARQUET) {
            String expr = base + "." + D.column(p.keys());
            return p.textAt() < 0 ? "to_json(" + expr + ")::VARCHAR" : "CAST(" + expr + " AS VARCHAR)";
        }
        StringBuilder expr = new StringBuilder(base);
        Declared d = needed;
        for (int i = 0; i < p.keys().size(); i++) {
            if (i > 0 && d.text) {
                return "json_extract_string(" + expr + ", " + D.literal(jsonPath(p.keys().subList(i, p.keys().size())))
                        + ")";
            }
            String key = p.keys().get(i);
            expr.append('.').append(D.identifier(key));
            d = d.fields.get(key);
        }
        return expr.toString();
    }

    private static String jsonPath(List<String> keys) {
        StringBuilder p = new StringBuilder("$");
        for (String k : keys) p.append(".\"").append(k.replace("\"", "\\\"")).append('"');
        return p.toString();
    }

    private String reader(boolean withEvent, Declared needed) {
        String list = fileList(files);
        if (format == Format.PARQUET) return "read_parquet(" + list + ", union_by_name = true, filename = true)";
        if (!withEvent) {
            return "read_ndjson(" + list + ", format = 'newline_delimited', filename = true, columns = "
                    + needed.columnsParameter() + ")";
        }
        return "(SELECT filename, json, json_transform(json, " + D.literal(needed.structure()) + ") AS s1ql_j FROM "
                + "read_ndjson_objects(" + list + ", format = 'newline_delimited', filename = true))";
    }

    /**
     * The keys to read, as a tree: a node read as a whole value is VARCHAR (text), and then its own fields, if
     * other paths need them, are read from that text.
     */
    private static final class Declared {
        final Map<String, Declared> fields = new LinkedHashMap<>();
        boolean text;

        void add(Physical p) {
            Declared d = this;
            int last = Math.min(p.textAt(), p.keys().size());
            for (int i = 0; i < last; i++) d = d.fields.computeIfAbsent(p.keys().get(i), x -> new Declared());
            d.text = true;
        }

        /** {@code {'a': 'VARCHAR', 'b': 'STRUCT("c" VARCHAR)'}} for read_ndjson. */
        String columnsParameter() {
            if (fields.isEmpty()) return "{'s1ql_none': 'VARCHAR'}";
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Declared> e : fields.entrySet()) {
                parts.add(D.literal(e.getKey()) + ": " + D.literal(e.getValue().type()));
            }
            return "{" + String.join(", ", parts) + "}";
        }

        private String type() {
            if (text || fields.isEmpty()) return "VARCHAR";
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Declared> e : fields.entrySet()) {
                parts.add(D.identifier(e.getKey()) + " " + e.getValue().type());
            }
            return "STRUCT(" + String.join(", ", parts) + ")";
        }

        /** The same as json_transform's structure: {@code {"a":"VARCHAR","b":{"c":"VARCHAR"}}}. */
        String structure() {
            if (fields.isEmpty()) return "{\"s1ql_none\":\"VARCHAR\"}";
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<String, Declared> e : fields.entrySet()) {
                if (sb.length() > 1) sb.append(',');
                sb.append(jsonString(e.getKey())).append(':');
                Declared v = e.getValue();
                sb.append(v.text || v.fields.isEmpty() ? "\"VARCHAR\"" : v.structure());
            }
            return sb.append('}').toString();
        }

        private static String jsonString(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
