// Reads a user's column mapping for `translate --to sql --mapping FILE`: a TSV of S1QL field -> table column.
package dev.s1ql.render.sql;

import dev.s1ql.catalog.TsvTable;
import dev.s1ql.translate.TranslationSetupException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Header {@code field<TAB>column}, '#' comments. {@code field} is an S1QL 1.0 or 2.0 name (any case);
 * {@code column} is the column, a dotted value being nested access ({@code process.name} reads field
 * {@code name} of struct column {@code process}). A column whose own name contains a dot cannot be written.
 */
public final class ColumnMappingFile {

    private ColumnMappingFile() {
    }

    public static Map<String, List<String>> read(Path file) {
        List<Map<String, String>> rows;
        try (InputStream in = Files.newInputStream(file)) {
            rows = TsvTable.read(in, file.toString(), List.of("field", "column"));
        } catch (IOException | RuntimeException e) {
            throw new TranslationSetupException("cannot read column mapping " + file + ": " + e.getMessage());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        int line = 0;
        for (Map<String, String> row : rows) {
            line++;
            String field = row.getOrDefault("field", "");
            String column = row.getOrDefault("column", "");
            if (field.isEmpty() || column.isEmpty() || List.of(column.split("\\.", -1)).contains("")) {
                throw new TranslationSetupException("column mapping " + file + ", row " + line
                        + ": needs a header 'field<TAB>column' and a field and a column on each row");
            }
            out.put(field.toLowerCase(Locale.ROOT), List.of(column.split("\\.")));
        }
        return out;
    }
}
