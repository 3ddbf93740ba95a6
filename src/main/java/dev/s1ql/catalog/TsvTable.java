// Reads the small tab-separated data files of the catalogs and mappings: '#' comments, a header row, rows.
package dev.s1ql.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class TsvTable {
    private TsvTable() {
    }

    /** Each data row as a map from header name to cell ("" for missing trailing cells). */
    public static List<Map<String, String>> read(InputStream in, String what) {
        return read(in, what, List.of());
    }

    /**
     * As {@link #read(InputStream, String)}, for files users write: the header must name {@code required}
     * columns, else the first row would silently be taken for the header (and lost).
     */
    public static List<Map<String, String>> read(InputStream in, String what, List<String> required) {
        if (in == null) throw new IllegalStateException("missing data file: " + what);
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split("\t", -1);
                if (header == null) {
                    header = cells;
                    List<String> names = java.util.Arrays.stream(cells).map(String::trim).toList();
                    if (!names.containsAll(required)) {
                        throw new IllegalArgumentException("the first line that is not a comment must be the header "
                                + "naming the columns (" + String.join(", ", required) + ", tab-separated); found: "
                                + line.replace("\t", " | "));
                    }
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) row.put(header[i], i < cells.length ? cells[i].trim() : "");
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what, e);
        }
        return rows;
    }

    public static List<Map<String, String>> resource(String name) {
        return read(TsvTable.class.getResourceAsStream(name), name);
    }
}
