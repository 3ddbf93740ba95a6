// The catalog of known field names: S1QL 1.0 fields with their 2.0 names (resource fields.tsv) and the 2.0 fields
// without a 1.0 name (fields-2.0-only.tsv); case-insensitive lookup and suggestions.
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
    private final Map<String, FieldInfo> byS1ql2;

    private FieldCatalog(Map<String, FieldInfo> byLowerName) {
        this.byLowerName = Collections.unmodifiableMap(byLowerName);
        Map<String, FieldInfo> v2 = new LinkedHashMap<>();
        // Several 1.0 names can share a 2.0 name (SrcProcImageSha, SrcProcImageSha1); current fields win.
        for (FieldInfo f : byLowerName.values()) {
            if (f.s1ql2().isEmpty()) continue;
            String key = f.s1ql2().toLowerCase(Locale.ROOT);
            FieldInfo old = v2.get(key);
            if (old == null || (old.typeGuessed() && !f.typeGuessed())) v2.put(key, f);
        }
        this.byS1ql2 = Collections.unmodifiableMap(v2);
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
        // 2.0-only fields (meta.event.name, i.scheme, dataSource.name, ...): their one name is the 2.0 name.
        for (Map<String, String> row : TsvTable.resource("/dev/s1ql/catalog/fields-2.0-only.tsv")) {
            String name = row.get("name");
            map.putIfAbsent(name.toLowerCase(Locale.ROOT), new FieldInfo(name, name, FieldType.parse(row.get("type")),
                    false, FieldKind.FIELD, List.of(), false, row.get("source")));
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

    /** The entry whose S1QL 2.0 name ({@code src.process.name}, {@code #cmdline}) is {@code name}, or null. */
    public FieldInfo lookupS1ql2(String name) {
        return byS1ql2.get(name.toLowerCase(Locale.ROOT));
    }

    /** Up to {@code max} known S1QL 2.0 names close to {@code name}. */
    public List<String> suggestS1ql2(String name, int max) {
        return Suggestions.closest(name, byS1ql2.values().stream().map(FieldInfo::s1ql2).toList(), max);
    }

    public Collection<FieldInfo> all() {
        return byLowerName.values();
    }

    /** Up to {@code max} known names close to {@code name}, closest first. */
    public List<String> suggest(String name, int max) {
        return Suggestions.closest(name, byLowerName.values().stream().map(FieldInfo::name).toList(), max);
    }
}
