// SentinelOne's side of the event mapping: every EventType with its ObjectType (s1-events.tsv), the endpoint
// OSes, and which event families carry which fields (s1-carriers.tsv).
package dev.s1ql.render.spl;

import dev.s1ql.catalog.TsvTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

final class S1EventUniverse {

    /** One kind of SentinelOne event on one endpoint OS. */
    record Slot(String eventType, String objectType, String os) {
        String label() {
            return eventType + " (" + os + ")";
        }
    }

    static final List<String> OSES = List.of("windows", "linux", "osx");

    private static final S1EventUniverse DEFAULT = new S1EventUniverse();

    private final List<Slot> slots = new ArrayList<>();
    /** field-name prefix (lower case) -> object types carrying it ("*" = all); longest prefix first */
    private final Map<String, Set<String>> carriers = new LinkedHashMap<>();

    private S1EventUniverse() {
        List<Map<String, String>> events = TsvTable.resource("/dev/s1ql/mapping/spl/s1-events.tsv");
        for (String os : OSES) {
            for (Map<String, String> r : events) slots.add(new Slot(r.get("event_type"), r.get("object_type"), os));
        }
        TsvTable.resource("/dev/s1ql/mapping/spl/s1-carriers.tsv").stream()
                .sorted(Comparator.comparingInt((Map<String, String> r) -> r.get("prefix").length()).reversed())
                .forEach(r -> carriers.put(r.get("prefix").toLowerCase(Locale.ROOT),
                        Set.of(r.get("object_types").toLowerCase(Locale.ROOT).split(","))));
    }

    static S1EventUniverse defaults() {
        return DEFAULT;
    }

    List<Slot> slots() {
        return slots;
    }

    /** Whether events of this object type carry the field (true for fields no prefix covers). */
    boolean carries(String field, String objectType) {
        String f = field.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Set<String>> e : carriers.entrySet()) {
            if (f.startsWith(e.getKey())) return e.getValue().contains("*") || e.getValue().contains(objectType);
        }
        return true;
    }
}
