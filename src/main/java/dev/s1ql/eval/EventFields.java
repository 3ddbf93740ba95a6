// The values of named fields of one event, read the way the evaluator reads fields for predicates (1.0 key,
// 2.0 path nested or flat, any case; meta.event.name and i.scheme derived when absent), for pipeline stages.
package dev.s1ql.eval;

import dev.s1ql.ast.FieldRef;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.events.EventValues;
import dev.s1ql.events.FieldExtractor;
import dev.s1ql.events.FieldSelection;
import dev.s1ql.events.MalformedEventException;
import dev.s1ql.events.RawEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A legacy or shortcut name ({@code #cmdline}) reads as its first member the event has. Values are text, as JSON
 * wrote them (numbers and booleans too); a missing field, or JSON null, is null.
 */
public final class EventFields {

    private final FieldBinder binder;
    private final FieldSelection selection = new FieldSelection();
    private final Map<String, List<FieldBinder.Binding>> bindings = new HashMap<>();
    private final EventValues values;
    private final FieldExtractor extractor;

    /** @param fields every field a pipeline reads from events */
    public EventFields(List<FieldRef> fields) {
        binder = new FieldBinder(FieldCatalog.defaults(), selection);
        for (FieldRef f : fields) bindings.putIfAbsent(f.written(), binder.bind(f));
        values = new EventValues(selection.size());
        extractor = new FieldExtractor(selection);
    }

    /** Reads the fields of an event; {@link #text} then answers for it. */
    public void load(RawEvent event) throws MalformedEventException {
        values.next();
        extractor.extract(event, values);
        binder.derived().fill(values);
    }

    /** The loaded event's value of a field named as written in the pipeline, or null. */
    public String text(String written) {
        List<FieldBinder.Binding> bs = bindings.get(written);
        if (bs == null) return null;
        for (FieldBinder.Binding b : bs) {
            String v = values.get(b.slot());
            if (v != null) return v;
        }
        return null;
    }
}
