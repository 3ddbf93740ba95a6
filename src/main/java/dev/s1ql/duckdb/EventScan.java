// The SQL that reads event files into the table the emitted SQL expects: one VARCHAR column per column a
// condition reads, each the coalesce of the key paths the interpreter would read it from (FieldSources), as the
// files spell them; NULL when the files have none of them. One implementation per file format.
package dev.s1ql.duckdb;

import dev.s1ql.render.sql.SqlDialect;
import dev.s1ql.render.sql.SqlForm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

abstract class EventScan {

    enum Format { NDJSON, PARQUET }

    /** Column names of the scan besides the event columns. */
    static final String FILE = "s1ql_file";
    static final String EVENT = "s1ql_event";
    /** The alias of the reader in the FROM clause. */
    static final String ROW = "s1ql_scan";

    static final SqlDialect D = SqlDialect.DUCKDB;

    /**
     * {@code SELECT <columns> FROM <reader>}: {@code s1ql_file} (the file name), with {@code withEvent}
     * {@code s1ql_event} (the event as JSON text), each of {@code columns} by its name (the first spelling of
     * names equal but for case), and for those in {@code folded} (lower case) its lower-cased twin
     * (SqlForm.folded) too.
     */
    final String select(Collection<String> columns, boolean withEvent, FieldSources sources, Set<String> folded) {
        List<String> select = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        start(withEvent);
        for (String c : columns) for (List<String> source : sources.of(c)) need(source);
        for (String c : columns) {
            String lower = c.toLowerCase(Locale.ROOT);
            if (seen.contains(lower)) continue;
            seen.add(lower);
            List<String> exprs = new ArrayList<>();
            for (List<String> source : sources.of(c)) {
                for (String e : read(source)) if (!exprs.contains(e)) exprs.add(e);
            }
            String v = exprs.isEmpty() ? "CAST(NULL AS VARCHAR)"
                    : exprs.size() == 1 ? exprs.get(0) : "coalesce(" + String.join(", ", exprs) + ")";
            select.add(v + " AS " + D.identifier(c));
            if (folded.contains(lower)) select.add("lower(" + v + ") AS " + D.identifier(SqlForm.folded(List.of(c))));
        }
        select.add(0, ROW + ".filename AS " + FILE);
        if (withEvent) select.add(1, event() + " AS " + EVENT);
        return "SELECT " + String.join(", ", select) + " FROM " + reader(withEvent) + " AS " + ROW;
    }

    /** Called first, with whether the events themselves are selected too. */
    void start(boolean withEvent) {
    }

    /** Notes that a key path will be read (before any {@link #read}). */
    void need(List<String> keyPath) {
    }

    /** The expressions (VARCHAR) that read one key path, one per spelling the files have; none if none. */
    abstract List<String> read(List<String> keyPath);

    /** The event as JSON text. */
    abstract String event();

    /** The reader over the files; called after every {@link #read}. */
    abstract String reader(boolean withEvent);

    /** A DuckDB list of the file names. */
    static String fileList(List<String> files) {
        List<String> lits = new ArrayList<>();
        for (String f : files) lits.add(D.literal(f));
        return "[" + String.join(", ", lits) + "]";
    }

    /** A JSON path, each key quoted: {@code $."src"."process"}. */
    static String jsonPath(List<String> keys) {
        StringBuilder p = new StringBuilder("$");
        for (String k : keys) p.append(".\"").append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        return p.toString();
    }
}
