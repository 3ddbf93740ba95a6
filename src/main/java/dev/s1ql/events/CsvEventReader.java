// CSV with a header row (Deep Visibility exports): each row becomes a JSON object keyed by field id.
package dev.s1ql.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Headers are mapped by {@link DisplayNames}. An empty cell is a missing field: a CSV export cannot tell an
 * empty string from no value, and DV writes nothing for null. Turning rows into JSON keeps one evaluation
 * path and lets matching rows be printed as NDJSON like any other event.
 */
public final class CsvEventReader implements EventReader {

    private final CsvMapper csv = new CsvMapper();
    private final ObjectMapper json = new ObjectMapper();
    private final DisplayNames displayNames;

    public CsvEventReader() {
        this(DisplayNames.defaults());
    }

    public CsvEventReader(DisplayNames displayNames) {
        this.displayNames = displayNames;
    }

    @Override
    public boolean read(InputStream in, String file, EventSink sink) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        RawEvent event = new RawEvent();
        long line = 1;
        try (JsonParser p = csv.createParser(reader)) {
            String[] header = row(p);
            if (header == null) return true;
            String[] keys = new String[header.length];
            for (int i = 0; i < header.length; i++) {
                String h = i == 0 ? stripBom(header[i]) : header[i];
                keys[i] = displayNames.fieldFor(h);
            }
            // A row that fails to parse is reported where it starts: the line after the last row read.
            line = after(p);
            String[] cells;
            while ((cells = row(p)) != null) {
                long start = rowStart;
                if (cells.length == 1 && cells[0].isBlank()) {
                    line = after(p);
                    continue;
                }
                if (cells.length != keys.length) {
                    // Too many or too few: either way the cells cannot be matched to the header's fields.
                    String msg = "row has " + cells.length + " cells but the header has " + keys.length;
                    if (!sink.malformed(file, start, msg)) return false;
                    line = after(p);
                    continue;
                }
                ObjectNode obj = json.createObjectNode();
                for (int i = 0; i < cells.length; i++) {
                    if (!cells[i].isEmpty()) obj.put(keys[i], cells[i]);
                }
                byte[] bytes = json.writeValueAsBytes(obj);
                event.set(file, start, bytes, 0, bytes.length);
                if (!sink.accept(event)) return false;
                line = after(p);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return sink.malformed(file, line, "bad CSV, rest of the file skipped: " + msg);
        }
        return true;
    }

    /** The line the last row read started on (its first cell's line: a quoted cell may span lines). */
    private long rowStart;

    /** The next row's cells, or null at the end; sets {@link #rowStart}. */
    private String[] row(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) return null;
        java.util.List<String> cells = new java.util.ArrayList<>();
        rowStart = -1;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (rowStart < 0) rowStart = p.currentTokenLocation().getLineNr();
            cells.add(p.getText());
        }
        if (rowStart < 0) rowStart = p.currentTokenLocation().getLineNr();
        return cells.toArray(new String[0]);
    }

    /** Where the row after the one just read starts: the parser stands at its end, or past its line break. */
    private static long after(JsonParser p) {
        com.fasterxml.jackson.core.JsonLocation at = p.currentLocation();
        return at.getColumnNr() > 1 ? at.getLineNr() + 1 : at.getLineNr();
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}
