// Test helper: reads an event input through EventFiles (as `s1ql eval` does) and keeps every event that is a JSON
// object, with its line, and every report of a malformed one. Used by the reader tests and the reader fuzzer.
package dev.s1ql.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class CollectedEvents implements EventSink {

    /** Event limits, and text after the object makes the line malformed, as the evaluator's reader says. */
    private static final ObjectMapper JSON = EventJson.mapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The events read as objects (their JSON re-printed compactly) and the lines they came from. */
    public final List<String> events = new ArrayList<>();
    public final List<Long> lines = new ArrayList<>();
    /** "line: message" per malformed event, as `s1ql eval` reports them. */
    public final List<String> malformed = new ArrayList<>();

    /** Reads {@code file} with the format its name (or its first lines) says, or {@code forced}. */
    public static CollectedEvents read(Path file, EventFormat forced) throws IOException {
        CollectedEvents c = new CollectedEvents();
        EventFiles.read(file.toString(), forced, c, null);
        return c;
    }

    @Override
    public boolean accept(RawEvent event) {
        JsonNode n;
        try {
            n = JSON.readTree(event.copyJson());
        } catch (IOException e) {
            malformed.add(event.line() + ": " + e.getMessage());
            return true;
        }
        if (n == null || !n.isObject()) {
            malformed.add(event.line() + ": not an object");
            return true;
        }
        events.add(n.toString());
        lines.add(event.line());
        return true;
    }

    @Override
    public boolean malformed(String file, long line, String message) {
        malformed.add(line + ": " + message);
        return true;
    }
}
