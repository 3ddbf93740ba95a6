// The 2.0 event-kind fields for events that do not carry them: meta.event.name from the event's EventType and
// i.scheme from its EventType or ObjectType (catalog EventKinds), so that SentinelOne's own 2.0 queries
// (`i.scheme='edr' and meta.event.name in (...) and ...`) evaluate on 1.0-shaped events too; and the one value
// of a single-member legacy name: its member's, else its own key's (FieldBinder).
package dev.s1ql.eval;

import dev.s1ql.catalog.EventKinds;
import dev.s1ql.events.EventValues;

import java.util.ArrayList;
import java.util.List;

/**
 * A field the event carries itself is never replaced. The derived meta.event.name is the EventType's primary code
 * (event-kinds.tsv): an IP Connect event without the field reads as TCPV4, whatever its IP version.
 */
final class DerivedFields {

    /** A derived field's slot and the slots of the fields it is derived from (-1: not read). */
    private record Rule(int target, boolean scheme, int eventTypeSlot, int objectTypeSlot) {
    }

    /** A slot that takes the value of {@code first}, or of {@code second} when the event lacks {@code first}. */
    private record Fallback(int target, int first, int second) {
    }

    private final EventKinds kinds = EventKinds.defaults();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Fallback> fallbacks = new ArrayList<>();

    /** Whether {@code field} (a catalog name) is one s1ql derives. */
    static boolean derives(String field) {
        return field.equalsIgnoreCase(EventKinds.META_EVENT_NAME) || field.equalsIgnoreCase(EventKinds.SCHEME);
    }

    void register(String field, int target, int eventTypeSlot, int objectTypeSlot) {
        for (Rule r : rules) if (r.target() == target) return;
        rules.add(new Rule(target, field.equalsIgnoreCase(EventKinds.SCHEME), eventTypeSlot, objectTypeSlot));
    }

    /** {@code target} reads as {@code first}'s value, or {@code second}'s when the event has no {@code first}. */
    void fallback(int target, int first, int second) {
        for (Fallback f : fallbacks) if (f.target() == target) return;
        fallbacks.add(new Fallback(target, first, second));
    }

    boolean isEmpty() {
        return rules.isEmpty() && fallbacks.isEmpty();
    }

    /** Sets each derived field the loaded event lacks. */
    void fill(EventValues values) {
        for (Rule r : rules) {
            if (values.get(r.target()) != null) continue;
            String eventType = values.get(r.eventTypeSlot());
            String derived;
            if (r.scheme()) {
                String objectType = r.objectTypeSlot() < 0 ? null : values.get(r.objectTypeSlot());
                derived = kinds.scheme(eventType, objectType);
            } else {
                derived = eventType == null ? null : kinds.primaryMetaEventName(eventType);
            }
            if (derived != null) values.set(r.target(), derived);
        }
        for (Fallback f : fallbacks) {
            if (values.get(f.target()) != null) continue;
            String v = values.get(f.first());
            if (v == null) v = values.get(f.second());
            if (v != null) values.set(f.target(), v);
        }
    }
}
