// Spec events converted to a target's shape, with what the conversion could not carry over for each event (a
// field the target has no column for, a value the column's type cannot hold, an event the target does not
// record at all). The notes are shown when a target's result differs from the spec, so that a difference caused
// by the target's data model is told apart from a translation defect.
package dev.s1ql.oracle.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Conversion<T> {

    private T data;
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    public T data() {
        return data;
    }

    void data(T value) {
        this.data = value;
    }

    void note(String eventId, String text) {
        notes.computeIfAbsent(eventId, k -> new ArrayList<>()).add(text);
    }

    public Map<String, List<String>> notes() {
        return notes;
    }

    /** The notes as lines "event id: note", for a failure message. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        notes.forEach((id, list) -> list.forEach(n -> b.append("\n    ").append(id).append(": ").append(n)));
        return b.length() == 0 ? "\n    (every event converted completely)" : b.toString();
    }
}
