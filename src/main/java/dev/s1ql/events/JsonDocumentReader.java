// A JSON array of events, a single event object, or several objects one after another (pretty-printed).
package dev.s1ql.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the document one element at a time, so an array of a million events needs the memory of one.
 * A JSON syntax error cannot be resynchronised inside a single document, so it ends the file (reported
 * with its line); elements that are not objects are reported and skipped.
 */
public final class JsonDocumentReader implements EventReader {

    private final ObjectMapper mapper = EventJson.mapper();
    private final JsonFactory factory = mapper.getFactory();

    @Override
    public boolean read(InputStream in, String file, EventSink sink) throws IOException {
        RawEvent event = new RawEvent();
        long line = 1;
        try (JsonParser p = factory.createParser(in)) {
            JsonToken t = p.nextToken();
            boolean array = t == JsonToken.START_ARRAY;
            if (array) t = p.nextToken();
            while (t != null && !(array && t == JsonToken.END_ARRAY)) {
                line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    if (t.isStructStart()) p.skipChildren();
                    if (!sink.malformed(file, line, "an event must be a JSON object, found " + describe(t))) return false;
                } else {
                    JsonNode node = mapper.readTree(p);
                    byte[] json = mapper.writeValueAsBytes(node);
                    event.set(file, line, json, 0, json.length);
                    if (!sink.accept(event)) return false;
                }
                t = p.nextToken();
            }
            if (array && t == JsonToken.END_ARRAY && p.nextToken() != null) {
                return sink.malformed(file, p.currentTokenLocation().getLineNr(), "unexpected text after the JSON array");
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() != null ? e.getLocation().getLineNr() : line;
            return sink.malformed(file, at, "bad JSON, rest of the file skipped: " + e.getOriginalMessage());
        }
        return true;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
