// `translate --report FILE`: one row per input (source, title, id, output, status, codes), written as CSV when the
// file name ends in .csv, else as a JSON array, for migration bookkeeping.
package dev.s1ql.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

public final class TranslationReport {

    static final List<String> COLUMNS = List.of("source", "title", "id", "output", "status", "codes");

    private final List<Map<String, String>> rows = new ArrayList<>();

    /**
     * @param output where the translation was written, or null (stdout, or nothing written)
     * @param status ok, warnings, failed, ...
     */
    public void add(QueryInput in, Path output, String status, List<Diagnostic> diagnostics) {
        Set<String> codes = new LinkedHashSet<>();
        for (Diagnostic d : diagnostics) codes.add(d.code().id());
        Map<String, String> row = new LinkedHashMap<>();
        row.put("source", in.source());
        row.put("title", in.title() == null ? "" : in.title());
        row.put("id", in.id() == null ? "" : in.id());
        row.put("output", output == null ? "" : output.toString());
        row.put("status", status);
        row.put("codes", String.join(" ", codes));
        rows.add(row);
    }

    public void write(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            for (String c : COLUMNS) schema.addColumn(c);
            new CsvMapper().writer(schema.build()).writeValue(file.toFile(), rows);
        } else {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), rows);
        }
    }
}
