// SentinelOne's side of every event mapping, in one place for all targets: the kinds of event (ObjectType), every
// EventType and its kind, the endpoint OSes, and which kinds carry which fields (resources mapping/s1/*.tsv).
package dev.s1ql.translate.core;

import dev.s1ql.catalog.TsvTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

public final class EventUniverse {

    static final String BASE = "/dev/s1ql/mapping/s1/";

    /** The endpoint OS values (EndpointOS), as SentinelOne writes them. */
    public static final List<String> OSES = List.of("windows", "linux", "osx");

    private static final EventUniverse DEFAULT = new EventUniverse();

    /** event type (as written in the table) -> object type */
    private final Map<String, String> eventTypes = new LinkedHashMap<>();
    private final Set<String> objectTypes = new LinkedHashSet<>();
    /** field-name prefix (lower case) -> object types carrying it ("*" = all); longest prefix first */
    private final Map<String, Set<String>> carriers = new LinkedHashMap<>();

    private EventUniverse() {
        for (Map<String, String> r : TsvTable.resource(BASE + "object-types.tsv")) {
            objectTypes.add(r.get("object_type").toLowerCase(Locale.ROOT));
        }
        for (Map<String, String> r : TsvTable.resource(BASE + "event-types.tsv")) {
            String kind = r.get("object_type").toLowerCase(Locale.ROOT);
            eventTypes.put(r.get("event_type"), kind);
            objectTypes.add(kind);
        }
        TsvTable.resource(BASE + "carriers.tsv").stream()
                .sorted(Comparator.comparingInt((Map<String, String> r) -> r.get("prefix").length()).reversed())
                .forEach(r -> carriers.put(r.get("prefix").toLowerCase(Locale.ROOT),
                        Set.of(r.get("object_types").toLowerCase(Locale.ROOT).split(","))));
    }

    public static EventUniverse defaults() {
        return DEFAULT;
    }

    /** Every EventType in its official spelling. */
    public Set<String> eventTypes() {
        return eventTypes.keySet();
    }

    /** Every kind of event (ObjectType value, lower case), the kinds of the EventTypes included. */
    public Set<String> objectTypes() {
        return objectTypes;
    }

    /** The kind of an EventType (any case), or null when it is not an official EventType. */
    public String objectTypeOf(String eventType) {
        for (Map.Entry<String, String> e : eventTypes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(eventType)) return e.getValue();
        }
        return null;
    }

    /** The EventTypes of one kind. */
    public List<String> eventTypesOf(String objectType) {
        List<String> out = new ArrayList<>();
        eventTypes.forEach((et, kind) -> {
            if (kind.equals(objectType)) out.add(et);
        });
        return out;
    }

    /** Whether events of this kind carry the field (true for fields no prefix covers). */
    public boolean carries(String field, String objectType) {
        return carriesLower(field.toLowerCase(Locale.ROOT), objectType);
    }

    /** {@link #carries} of a field name already in lower case. */
    boolean carriesLower(String f, String objectType) {
        for (Map.Entry<String, Set<String>> e : carriers.entrySet()) {
            if (f.startsWith(e.getKey())) return e.getValue().contains("*") || e.getValue().contains(objectType);
        }
        return true;
    }

    /** One class per EventType and OS: what a target that tells every event type apart searches. */
    public List<EventClass> eventTypeClasses() {
        List<EventClass> out = new ArrayList<>();
        for (String os : OSES) {
            eventTypes.forEach((et, kind) -> out.add(new EventClass(kind, et, os)));
        }
        return out;
    }

    /** One class per kind of event, any OS and EventType. */
    public List<EventClass> kindClasses() {
        return objectTypes.stream().map(k -> new EventClass(k, null, null)).toList();
    }
}
