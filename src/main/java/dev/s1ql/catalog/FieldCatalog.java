// The catalog of known S1QL 1.0 field names (resource fields.tsv): case-insensitive lookup and suggestions.
package dev.s1ql.catalog;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public final class FieldCatalog {

    private static final FieldCatalog DEFAULT = load();

    private final Map<String, FieldInfo> byLowerName;

    private FieldCatalog(Map<String, FieldInfo> byLowerName) {
        this.byLowerName = Collections.unmodifiableMap(byLowerName);
    }

    /** The catalog shipped with s1ql. */
    public static FieldCatalog defaults() {
        return DEFAULT;
    }

    private static FieldCatalog load() {
        Map<String, FieldInfo> map = new LinkedHashMap<>();
        for (Map<String, String> row : TsvTable.resource("/dev/s1ql/catalog/fields.tsv")) {
            String name = row.get("name");
            if (name.isEmpty()) continue;
            List<String> members = row.get("members").isEmpty() ? List.of()
                    : Arrays.stream(row.get("members").split(",")).map(String::trim).toList();
            FieldInfo info = new FieldInfo(name, row.get("s1ql2"), FieldType.parse(row.get("type")),
                    "yes".equals(row.get("type_guessed")), FieldKind.valueOf(row.get("kind").toUpperCase(Locale.ROOT)),
                    members, "yes".equals(row.get("approx")), row.get("sources"));
            map.putIfAbsent(name.toLowerCase(Locale.ROOT), info);
        }
        // Enum status from the enum value table wins over a guessed type (spec §6.3).
        for (String enumField : EnumCatalog.defaults().enumFields()) {
            FieldInfo f = map.get(enumField.toLowerCase(Locale.ROOT));
            if (f != null && f.type() != FieldType.ENUM && f.kind() == FieldKind.FIELD) {
                map.put(enumField.toLowerCase(Locale.ROOT), new FieldInfo(f.name(), f.s1ql2(), FieldType.ENUM,
                        f.typeGuessed(), f.kind(), f.members(), f.approximate(), f.sources()));
            }
        }
        return new FieldCatalog(map);
    }

    /** The entry for a name written in any case, or null. */
    public FieldInfo lookup(String name) {
        return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    public Collection<FieldInfo> all() {
        return byLowerName.values();
    }

    /** Up to {@code max} known names close to {@code name}, closest first. */
    public List<String> suggest(String name, int max) {
        return Suggestions.closest(name, byLowerName.values().stream().map(FieldInfo::name).toList(), max);
    }
}
