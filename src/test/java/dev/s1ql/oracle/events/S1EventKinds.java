// Which kind of SentinelOne event (process, file, registry, ip, dns, ...) a spec event is, from what it says of
// itself: its EventType (s1/event-types.tsv, the event universe), else its ObjectType (s1/object-types.tsv),
// else the fields it carries (s1/carriers.tsv: TgtFile* only on file events...). An event that carries only
// fields every kind has is taken to be a process event, the most common; one whose fields belong to different
// kinds is no real event and cannot be converted.
package dev.s1ql.oracle.events;

import dev.s1ql.catalog.TsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

public final class S1EventKinds {

    public static final String DEFAULT_KIND = "process";

    private static final Map<String, String> KIND_BY_EVENT_TYPE = new LinkedHashMap<>();
    private static final Map<String, String> KIND_BY_OBJECT_TYPE = new LinkedHashMap<>();
    private static final Map<String, Set<String>> CARRIERS = new LinkedHashMap<>();

    static {
        for (Map<String, String> r : TsvTable.resource("/dev/s1ql/mapping/s1/event-types.tsv")) {
            KIND_BY_EVENT_TYPE.put(r.get("event_type").toLowerCase(Locale.ROOT), r.get("object_type"));
        }
        for (Map<String, String> r : TsvTable.resource("/dev/s1ql/mapping/s1/object-types.tsv")) {
            KIND_BY_OBJECT_TYPE.put(r.get("object_type").toLowerCase(Locale.ROOT), r.get("object_type").toLowerCase(Locale.ROOT));
        }
        for (Map<String, String> r : TsvTable.resource("/dev/s1ql/mapping/s1/carriers.tsv")) {
            Set<String> kinds = r.get("object_types").equals("*") ? Set.of()
                    : new LinkedHashSet<>(Arrays.asList(r.get("object_types").split(",")));
            CARRIERS.put(r.get("prefix"), kinds);
        }
    }

    private S1EventKinds() {
    }

    /** The kind of the event, or an IllegalArgumentException saying why it has none. */
    public static String kindOf(S1Event e) {
        String eventType = e.text("EventType");
        if (eventType != null) {
            String kind = KIND_BY_EVENT_TYPE.get(eventType.toLowerCase(Locale.ROOT));
            if (kind == null) throw new IllegalArgumentException("EventType '" + eventType + "' is no SentinelOne event type");
            return kind;
        }
        String objectType = e.text("ObjectType");
        if (objectType != null) {
            String kind = KIND_BY_OBJECT_TYPE.get(objectType.toLowerCase(Locale.ROOT));
            if (kind == null) throw new IllegalArgumentException("ObjectType '" + objectType + "' is no SentinelOne object type");
            return kind;
        }
        Set<String> possible = null;
        for (String field : e.fields().keySet()) {
            Set<String> kinds = carriers(field);
            if (kinds.isEmpty()) continue;
            if (possible == null) possible = new LinkedHashSet<>(kinds);
            else possible.retainAll(kinds);
        }
        if (possible == null) return DEFAULT_KIND;
        if (possible.isEmpty()) throw new IllegalArgumentException("its fields " + e.fields().keySet() + " are carried by no one kind of event");
        return possible.contains(DEFAULT_KIND) ? DEFAULT_KIND : possible.iterator().next();
    }

    /** The kinds that carry a field (longest matching prefix); empty for every kind. */
    static Set<String> carriers(String field) {
        String best = null;
        for (String prefix : CARRIERS.keySet()) {
            if (field.startsWith(prefix) && (best == null || prefix.length() > best.length())) best = prefix;
        }
        return best == null ? Set.of() : CARRIERS.get(best);
    }

    /** The SentinelOne event types of a kind, in the universe's order. */
    public static List<String> eventTypes(String kind) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : TsvTable.resource("/dev/s1ql/mapping/s1/event-types.tsv")) {
            if (r.get("object_type").equals(kind)) out.add(r.get("event_type"));
        }
        return out;
    }
}
