// Known values of enum fields (resource enum-values.tsv, and for the 2.0 fields meta.event.name and i.scheme the
// event-kind table, EventKinds) and known misspellings (enum-misspellings.tsv).
package dev.s1ql.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

public final class EnumCatalog {

    private static final EnumCatalog DEFAULT = new EnumCatalog();

    /** field (lower case) -> canonical values in file order */
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    /** field (lower case) -> written value (lower case) -> official spelling */
    private final Map<String, Map<String, String>> misspellings = new LinkedHashMap<>();
    private final Set<String> fieldNames = new LinkedHashSet<>();

    private EnumCatalog() {
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        for (Map<String, String> row : TsvTable.resource("/dev/s1ql/catalog/enum-values.tsv")) {
            fieldNames.add(row.get("field"));
            sets.computeIfAbsent(key(row.get("field")), k -> new LinkedHashSet<>()).add(row.get("value"));
        }
        EventKinds kinds = EventKinds.defaults();
        fieldNames.add(EventKinds.META_EVENT_NAME);
        sets.computeIfAbsent(key(EventKinds.META_EVENT_NAME), k -> new LinkedHashSet<>()).addAll(kinds.metaEventNames());
        fieldNames.add(EventKinds.SCHEME);
        sets.computeIfAbsent(key(EventKinds.SCHEME), k -> new LinkedHashSet<>()).addAll(kinds.schemes());
        sets.forEach((k, v) -> values.put(k, List.copyOf(v)));
        for (Map<String, String> row : TsvTable.resource("/dev/s1ql/catalog/enum-misspellings.tsv")) {
            misspellings.computeIfAbsent(key(row.get("field")), k -> new LinkedHashMap<>())
                    .put(key(row.get("written")), row.get("official"));
        }
    }

    public static EnumCatalog defaults() {
        return DEFAULT;
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Fields with a closed, known value set. */
    public Set<String> enumFields() {
        return Collections.unmodifiableSet(fieldNames);
    }

    /** The known values of a field, or an empty list when its value set is not known. */
    public List<String> values(String field) {
        return values.getOrDefault(key(field), List.of());
    }

    /** The official spelling of {@code value} for {@code field} (case-insensitive), or null when unknown. */
    public String canonical(String field, String value) {
        for (String v : values(field)) if (v.equalsIgnoreCase(value)) return v;
        return null;
    }

    /** The official spelling for a known misspelling, or null. */
    public String correctionFor(String field, String value) {
        Map<String, String> m = misspellings.get(key(field));
        return m == null ? null : m.get(key(value));
    }
}
