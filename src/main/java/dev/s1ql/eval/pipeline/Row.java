// One row of a pipeline: the values the stages computed, by name, and (until columns or group made a new record
// set) the event it came from with the event fields the pipeline reads.
package dev.s1ql.eval.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.events.RawEvent;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names are looked up as written, then ignoring case, then by the catalog's other spelling of the same field
 * ({@code endpoint.name} is {@code EndpointName}). A computed value wins over the event's field of that name.
 */
final class Row {

    private static final ObjectMapper JSON = dev.s1ql.events.EventJson.mapper();

    /** The event (a private copy), or null after columns / group / top. */
    final RawEvent event;
    /** The event fields the pipeline reads, by the name written in the query; null with {@link #event}. */
    private final Map<String, String> eventFields;
    final LinkedHashMap<String, PqValue> columns;
    /** The position of the row's event in the input (rows made by group keep their first event's). */
    final long seq;

    private Row(RawEvent event, Map<String, String> eventFields, LinkedHashMap<String, PqValue> columns, long seq) {
        this.event = event;
        this.eventFields = eventFields;
        this.columns = columns;
        this.seq = seq;
    }

    static Row ofEvent(RawEvent event, Map<String, String> fields, long seq) {
        return new Row(event, fields, new LinkedHashMap<>(), seq);
    }

    static Row ofColumns(LinkedHashMap<String, PqValue> columns, long seq) {
        return new Row(null, null, columns, seq);
    }

    /** The value of a name as written in the query: a computed column, else the event's field, else null. */
    PqValue get(String written) {
        PqValue v = column(written);
        if (v != null) return v;
        if (eventFields != null) return PqValue.text(eventFields.get(written));
        return PqValue.NULL;
    }

    /** A computed column by any spelling of its name, or null (not NULL) when there is none. */
    PqValue column(String name) {
        PqValue v = columns.get(name);
        if (v != null) return v;
        for (Map.Entry<String, PqValue> e : columns.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        FieldInfo f = FieldCatalog.defaults().lookupS1ql2(name);
        if (f == null) f = FieldCatalog.defaults().lookup(name);
        if (f == null) return null;
        for (Map.Entry<String, PqValue> e : columns.entrySet()) {
            if (e.getKey().equalsIgnoreCase(f.name()) || (!f.s1ql2().isEmpty() && e.getKey().equalsIgnoreCase(f.s1ql2()))) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The row as JSON: the event with the computed columns added (or replaced), or the columns alone. */
    ObjectNode toJson() {
        ObjectNode out;
        if (event != null) {
            try {
                out = (ObjectNode) JSON.readTree(event.jsonText());
            } catch (IOException | ClassCastException e) {
                out = JSON.createObjectNode();
            }
        } else {
            out = JSON.createObjectNode();
        }
        for (Map.Entry<String, PqValue> e : columns.entrySet()) out.set(e.getKey(), json(e.getValue()));
        return out;
    }

    static JsonNode json(PqValue v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof PqValue.Text t) return f.textNode(t.value());
        if (v instanceof PqValue.Bool b) return f.booleanNode(b.value());
        if (v instanceof PqValue.Num n) {
            double d = n.value();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return f.numberNode((long) d);
            return f.numberNode(d);
        }
        if (v instanceof PqValue.Arr a) {
            ArrayNode arr = f.arrayNode();
            for (PqValue x : a.values()) arr.add(json(x));
            return arr;
        }
        return f.nullNode();
    }
}
