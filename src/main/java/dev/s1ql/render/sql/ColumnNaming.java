// Which table column holds each S1QL field: the 1.0 camelCase key (v1), the 2.0 dotted name read as nested
// struct access (v2), or a user's mapping file laid over either. Columns are paths of names; the dialect quotes
// them ("src"."process"."name").
package dev.s1ql.render.sql;

import dev.s1ql.catalog.FieldInfo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * v2 reads a field without a 2.0 name (or only a {@code #shortcut} one) from its 1.0 key, as the interpreter
 * does. An unknown field is read as written: v1 as one column (dots and all), v2 as a nested path.
 */
public final class ColumnNaming {

    /** The built-in namings, by their {@code --columns} name. */
    public enum Scheme { V1, V2 }

    public static final ColumnNaming V1 = new ColumnNaming(Scheme.V1, Map.of());

    private final Scheme scheme;
    /** Lower-case S1QL field name (1.0 or 2.0) to a column path. */
    private final Map<String, List<String>> overrides;

    public ColumnNaming(Scheme scheme, Map<String, List<String>> overrides) {
        this.scheme = scheme;
        this.overrides = Map.copyOf(overrides);
    }

    /** {@code v1} or {@code v2} (any case); null for anything else. */
    public static Scheme scheme(String name) {
        if (name == null) return Scheme.V1;
        switch (name.toLowerCase(Locale.ROOT)) {
            case "v1": return Scheme.V1;
            case "v2": return Scheme.V2;
            default: return null;
        }
    }

    /** The column of a catalog field. */
    public List<String> of(FieldInfo f) {
        List<String> o = override(f.name());
        if (o == null && hasS1ql2(f)) o = override(f.s1ql2());
        if (o != null) return o;
        if (scheme == Scheme.V2 && hasS1ql2(f)) return List.of(f.s1ql2().split("\\."));
        return List.of(key(f.name()));
    }

    /** The column of a name the catalog does not know (an unknown field, an alias's own key). */
    public List<String> ofName(String written) {
        List<String> o = override(written);
        if (o != null) return o;
        return scheme == Scheme.V2 ? List.of(written.split("\\.")) : List.of(written);
    }

    /** The column of a legacy or shortcut name's own key ({@code agentName}): its 1.0 spelling. */
    public List<String> ofAlias(FieldInfo alias) {
        List<String> o = override(alias.name());
        return o != null ? o : List.of(key(alias.name()));
    }

    /**
     * Whether tables of this naming carry the field as a column: every field under v2 (Data Lake-shaped tables
     * have meta.event.name and i.scheme), under v1 only a field the mapping file names (Deep Visibility-shaped
     * tables have no 2.0-only fields).
     */
    public boolean carries(FieldInfo f) {
        return scheme == Scheme.V2 || override(f.name()) != null || (hasS1ql2(f) && override(f.s1ql2()) != null);
    }

    private List<String> override(String name) {
        return overrides.get(name.toLowerCase(Locale.ROOT));
    }

    private static boolean hasS1ql2(FieldInfo f) {
        return !f.s1ql2().isEmpty() && !f.s1ql2().startsWith("#");
    }

    /** The event key of a 1.0 field: its name with a lower-case first letter ({@code tgtProcCmdLine}). */
    static String key(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
