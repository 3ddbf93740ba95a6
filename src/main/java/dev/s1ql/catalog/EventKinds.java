// The event kinds of SentinelOne EDR data (resource event-kinds.tsv): meta.event.name codes, the 1.0 EventType
// and ObjectType (2.0 event.type and event.category) each belongs to, and the i.scheme of the data.
package dev.s1ql.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lookups ignore case, and for EventTypes also spaces: Cloud Funnel 2.0 writes {@code "ProcessCreation"} where
 * the console writes {@code "Process Creation"}. Results use the table's spellings.
 */
public final class EventKinds {

    /** The 2.0 fields this table describes. */
    public static final String META_EVENT_NAME = "meta.event.name";
    public static final String SCHEME = "i.scheme";

    /**
     * One row of the table.
     *
     * @param metaEventName the internal event name ("" when unknown for this EventType)
     * @param eventType     the 1.0 EventType / 2.0 event.type ("" when unknown for this code)
     * @param objectType    the 1.0 ObjectType / 2.0 event.category ("" when unknown)
     * @param scheme        the i.scheme value of such events
     * @param primary       whether this is the code s1ql derives for an event of this EventType
     * @param source        where the row comes from (keys in the file's header)
     */
    public record Kind(String metaEventName, String eventType, String objectType, String scheme, boolean primary,
                       String source) {
    }

    private static final EventKinds DEFAULT = new EventKinds(TsvTable.resource("/dev/s1ql/catalog/event-kinds.tsv"));

    private final List<Kind> kinds;
    private final Map<String, List<Kind>> byCode = new LinkedHashMap<>();
    private final Map<String, List<Kind>> byEventType = new LinkedHashMap<>();
    private final Map<String, List<Kind>> byObjectType = new LinkedHashMap<>();

    EventKinds(List<Map<String, String>> rows) {
        List<Kind> all = new ArrayList<>();
        for (Map<String, String> r : rows) {
            Kind k = new Kind(r.get("meta_event_name"), r.get("event_type"), r.get("object_type"), r.get("scheme"),
                    "yes".equals(r.get("primary")), r.get("source"));
            all.add(k);
            if (!k.metaEventName().isEmpty()) byCode.computeIfAbsent(code(k.metaEventName()), x -> new ArrayList<>()).add(k);
            if (!k.eventType().isEmpty()) byEventType.computeIfAbsent(eventType(k.eventType()), x -> new ArrayList<>()).add(k);
            if (!k.objectType().isEmpty()) byObjectType.computeIfAbsent(code(k.objectType()), x -> new ArrayList<>()).add(k);
        }
        this.kinds = List.copyOf(all);
    }

    public static EventKinds defaults() {
        return DEFAULT;
    }

    /** Every row, in file order. */
    public List<Kind> all() {
        return kinds;
    }

    /** The known meta.event.name codes, in file order, each once. */
    public List<String> metaEventNames() {
        Set<String> out = new LinkedHashSet<>();
        for (Kind k : kinds) if (!k.metaEventName().isEmpty()) out.add(k.metaEventName());
        return List.copyOf(out);
    }

    /** The known i.scheme values. */
    public List<String> schemes() {
        Set<String> out = new LinkedHashSet<>();
        for (Kind k : kinds) if (!k.scheme().isEmpty()) out.add(k.scheme());
        return List.copyOf(out);
    }

    /** The table's spelling of a meta.event.name code (any case), or null when it is not known. */
    public String canonicalMetaEventName(String code) {
        List<Kind> ks = byCode.get(code(code));
        return ks == null ? null : ks.get(0).metaEventName();
    }

    /** The EventTypes a meta.event.name code stands for (empty when unknown or when no EventType is known). */
    public List<String> eventTypes(String metaEventName) {
        List<String> out = new ArrayList<>();
        for (Kind k : byCode.getOrDefault(code(metaEventName), List.of())) {
            if (!k.eventType().isEmpty() && !out.contains(k.eventType())) out.add(k.eventType());
        }
        return out;
    }

    /** Every known meta.event.name code of an EventType (any case, spaces or not); empty when none is known. */
    public List<String> metaEventNames(String eventType) {
        List<String> out = new ArrayList<>();
        for (Kind k : byEventType.getOrDefault(eventType(eventType), List.of())) {
            if (!k.metaEventName().isEmpty() && !out.contains(k.metaEventName())) out.add(k.metaEventName());
        }
        return out;
    }

    /** The code s1ql derives for an event of this EventType that has no meta.event.name, or null. */
    public String primaryMetaEventName(String eventType) {
        for (Kind k : byEventType.getOrDefault(eventType(eventType), List.of())) {
            if (k.primary() && !k.metaEventName().isEmpty()) return k.metaEventName();
        }
        return null;
    }

    /** The ObjectType (2.0 event.category) of an EventType, or null when not known. */
    public String objectType(String eventType) {
        for (Kind k : byEventType.getOrDefault(eventType(eventType), List.of())) {
            if (!k.objectType().isEmpty()) return k.objectType();
        }
        return null;
    }

    /** The ObjectType of a meta.event.name code, or null. */
    public String objectTypeOfCode(String metaEventName) {
        for (Kind k : byCode.getOrDefault(code(metaEventName), List.of())) {
            if (!k.objectType().isEmpty()) return k.objectType();
        }
        return null;
    }

    /** The EventTypes of an ObjectType that the table lists. */
    public List<String> eventTypesOfObjectType(String objectType) {
        List<String> out = new ArrayList<>();
        for (Kind k : byObjectType.getOrDefault(code(objectType), List.of())) {
            if (!k.eventType().isEmpty() && !out.contains(k.eventType())) out.add(k.eventType());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The i.scheme of an event, from its EventType or else its ObjectType (either may be null): the scheme of the
     * table's rows for it, or null when the table does not know the event.
     */
    public String scheme(String eventType, String objectType) {
        List<Kind> ks = eventType == null ? null : byEventType.get(eventType(eventType));
        if (ks == null && objectType != null) ks = byObjectType.get(code(objectType));
        return ks == null ? null : ks.get(0).scheme();
    }

    private static String code(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** An EventType key: case and spaces do not count ("Process Creation" = "ProcessCreation"). */
    private static String eventType(String s) {
        return s.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
