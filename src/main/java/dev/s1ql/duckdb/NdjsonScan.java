// Reads NDJSON(.gz) events for the DuckDB engine: only the top-level keys the conditions need, spelled as the files
// spell them (every spelling, found by one pass over the keys), text as text and nested objects as JSON.
package dev.s1ql.duckdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A key read as a value is a VARCHAR column (a string as it is, an integer as its digits, an object or array as
 * its JSON text; a fraction or exponent is re-printed by DuckDB: {@code 1.50} reads {@code 1.5}). A key below
 * which a 2.0 path is read is a JSON column, and the path is read with {@code json_extract_string} (with the key
 * spellings of the query's 2.0 name: the interpreter matches nested keys in any case, this does not). A second
 * spelling of a top-level key ({@code SrcProcName} beside {@code srcProcName}) is read from the raw line.
 */
final class NdjsonScan extends EventScan {

    private final List<String> files;
    /** Lower-case key -> its spellings in the files. */
    private final Map<String, List<String>> keys = new LinkedHashMap<>();
    /** First spellings of the top-level keys to read: true when a path below it is read (a JSON column). */
    private final Map<String, Boolean> declared = new LinkedHashMap<>();
    private boolean rawLine;

    NdjsonScan(List<String> files, List<String> keySpellings) {
        this.files = files;
        for (String k : keySpellings) keys.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(k);
    }

    /** The query that lists every top-level key spelling in the files (one pass over them). */
    static String keysQuery(List<String> files) {
        return "SELECT DISTINCT k FROM (SELECT unnest(json_keys(json)) AS k FROM read_ndjson_objects("
                + fileList(files) + ", format = 'newline_delimited')) ORDER BY k";
    }

    @Override
    void start(boolean withEvent) {
        rawLine = withEvent;
    }

    @Override
    void need(List<String> keyPath) {
        List<String> spellings = keys.get(keyPath.get(0).toLowerCase(Locale.ROOT));
        if (spellings != null) declared.merge(spellings.get(0), keyPath.size() > 1, Boolean::logicalOr);
    }

    @Override
    List<String> read(List<String> keyPath) {
        List<String> spellings = keys.get(keyPath.get(0).toLowerCase(Locale.ROOT));
        if (spellings == null) return List.of();
        List<String> rest = keyPath.subList(1, keyPath.size());
        String top = spellings.get(0);
        List<String> out = new ArrayList<>();
        String column = ROW + (rawLine() ? ".s1ql_j." : ".") + D.identifier(top);
        out.add(declared.get(top) ? "json_extract_string(" + column + ", " + D.literal(jsonPath(rest)) + ")" : column);
        for (String other : spellings.subList(1, spellings.size())) {
            List<String> path = new ArrayList<>(keyPath);
            path.set(0, other);
            out.add("json_extract_string(" + ROW + ".json, " + D.literal(jsonPath(path)) + ")");
        }
        return out;
    }

    /** Whether the raw line is read: to print the event, or to read a second spelling of a key. */
    private boolean rawLine() {
        if (rawLine) return true;
        for (String k : declared.keySet()) if (keys.get(k.toLowerCase(Locale.ROOT)).size() > 1) return true;
        return false;
    }

    @Override
    String event() {
        return ROW + ".json::VARCHAR";
    }

    @Override
    String reader(boolean withEvent) {
        String list = fileList(files);
        if (!rawLine()) {
            return "read_ndjson(" + list + ", format = 'newline_delimited', filename = true, columns = "
                    + columnsParameter() + ")";
        }
        return "(SELECT filename, json, json_transform(json, " + D.literal(structure()) + ") AS s1ql_j FROM "
                + "read_ndjson_objects(" + list + ", format = 'newline_delimited', filename = true))";
    }

    /** {@code {'a': 'VARCHAR', 'src': 'JSON'}} for read_ndjson. */
    private String columnsParameter() {
        if (declared.isEmpty()) return "{'s1ql_none': 'VARCHAR'}";
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : declared.entrySet()) {
            parts.add(D.literal(e.getKey()) + ": " + (e.getValue() ? "'JSON'" : "'VARCHAR'"));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** The same for json_transform: {@code {"a":"VARCHAR","src":"JSON"}}. */
    private String structure() {
        if (declared.isEmpty()) return "{\"s1ql_none\":\"VARCHAR\"}";
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : declared.entrySet()) {
            parts.add("\"" + e.getKey().replace("\\", "\\\\").replace("\"", "\\\"") + "\":"
                    + (e.getValue() ? "\"JSON\"" : "\"VARCHAR\""));
        }
        return "{" + String.join(",", parts) + "}";
    }
}
