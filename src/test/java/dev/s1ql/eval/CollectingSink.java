// Test helper: evaluates each event with a rule pack and collects the "id" of matching events.
package dev.s1ql.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.events.EventSink;
import dev.s1ql.events.MalformedEventException;
import dev.s1ql.events.RawEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

record CollectingSink(RulePack pack, ObjectMapper json, List<String> ids, List<String> bad) implements EventSink {

    @Override
    public boolean accept(RawEvent event) {
        try {
            boolean[] hit = {false};
            pack.evaluate(event, (rule, e) -> hit[0] = true);
            if (hit[0]) ids.add(json.readTree(event.copyJson()).path("id").asText());
            return true;
        } catch (MalformedEventException e) {
            bad.add(event.line() + ": " + e.getMessage());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean malformed(String file, long line, String message) {
        bad.add(line + ": " + message);
        return true;
    }
}
