// CSV with a header row (Deep Visibility exports): each row becomes a JSON object keyed by field id.
package dev.s1ql.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
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
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    }

    @Override
    public boolean read(InputStream in, String file, EventSink sink) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        RawEvent event = new RawEvent();
        long line = 1;
        try (MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(reader)) {
            if (!rows.hasNextValue()) return true;
            String[] header = rows.nextValue();
            String[] keys = new String[header.length];
            for (int i = 0; i < header.length; i++) {
                String h = i == 0 ? stripBom(header[i]) : header[i];
                keys[i] = displayNames.fieldFor(h);
            }
            while (rows.hasNextValue()) {
                String[] cells = rows.nextValue();
                // After a row is read, the token location is where that row started (rows may span lines).
                line = rows.getParser().currentTokenLocation().getLineNr();
                if (cells.length == 1 && cells[0].isBlank()) continue;
                if (cells.length > keys.length) {
                    String msg = "row has " + cells.length + " cells but the header has " + keys.length;
                    if (!sink.malformed(file, line, msg)) return false;
                    continue;
                }
                ObjectNode obj = json.createObjectNode();
                for (int i = 0; i < cells.length; i++) {
                    if (!cells[i].isEmpty()) obj.put(keys[i], cells[i]);
                }
                byte[] bytes = json.writeValueAsBytes(obj);
                event.set(file, line, bytes, 0, bytes.length);
                if (!sink.accept(event)) return false;
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // MappingIterator wraps parse errors in RuntimeJsonMappingException.
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return sink.malformed(file, line, "bad CSV, rest of the file skipped: " + msg);
        }
        return true;
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}
