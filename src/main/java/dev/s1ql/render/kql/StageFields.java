// The event fields a PowerQuery pipeline reads after its filter, as one column each on the rows the filter's union
// of tables gives: the profile's column itself when every table holds the field in the same column and type, else
// one column per field (S1<field>) that each table's pipeline computes with extend (its own column, converted to
// text when the tables disagree on the type, or an empty value when the table has none).
package dev.s1ql.render.kql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

final class StageFields {

    /** A field's column after the union: its KQL reference and how its values compare. */
    record Ref(String text, KqlProfile.ColumnType type) {
    }

    private final KqlProfile profile;
    private final List<KqlProfile.Source> legs;
    private final Map<String, Ref> refs = new LinkedHashMap<>();
    /** Per leg: the columns its pipeline adds with extend for the stages (name to KQL expression), in first-use order. */
    private final List<Map<String, String>> extensions = new ArrayList<>();

    StageFields(KqlProfile profile, List<KqlProfile.Source> legs) {
        this.profile = profile;
        this.legs = legs;
        for (int i = 0; i < legs.size(); i++) extensions.add(new LinkedHashMap<>());
    }

    /** The columns leg {@code i} adds for the stages. */
    Map<String, String> extensions(int i) {
        return extensions.get(i);
    }

    /** The column that holds {@code field} (a 1.0 catalog name, or a name as written) on every row, or null. */
    Ref read(String field) {
        String key = field.toLowerCase(Locale.ROOT);
        if (refs.containsKey(key)) return refs.get(key);
        Ref ref = resolve(field);
        refs.put(key, ref);
        return ref;
    }

    private Ref resolve(String field) {
        List<KqlProfile.Column> cols = new ArrayList<>();
        for (KqlProfile.Source s : legs) cols.add(profile.column(field, s.kind()));
        if (cols.stream().allMatch(c -> c == null)) return null;
        KqlProfile.Column first = cols.get(0);
        boolean same = cols.stream().allMatch(c -> c != null && c.column().equals(first.column())
                && c.alias().equals(first.alias()) && c.type() == first.type());
        if (same && first.alias().isEmpty()) return new Ref(first.column(), first.type());
        if (same) {
            for (Map<String, String> e : extensions) e.put(first.alias(), first.column());
            return new Ref(first.alias(), first.type());
        }
        KqlProfile.ColumnType type = cols.stream().allMatch(c -> c != null && c.type() == first.type())
                ? first.type() : KqlProfile.ColumnType.STRING;
        String name = "S1" + field.replaceAll("[^A-Za-z0-9_]", "_");
        for (int i = 0; i < legs.size(); i++) {
            KqlProfile.Column c = cols.get(i);
            String value;
            if (c == null) value = missing(type);
            else if (type == KqlProfile.ColumnType.STRING && c.type() != KqlProfile.ColumnType.STRING) value = "tostring(" + c.column() + ")";
            else if (type == KqlProfile.ColumnType.NUMBER) value = "todouble(" + c.column() + ")"; // long in one table, real in another
            else value = c.column();
            extensions.get(i).put(name, value);
        }
        return new Ref(name, type);
    }

    /** The value a table without the field gives (a string is never null in KQL). */
    private static String missing(KqlProfile.ColumnType type) {
        return switch (type) {
            case STRING -> "\"\"";
            case NUMBER -> "real(null)";
            case BOOL -> "bool(null)";
            case TIME -> "datetime(null)";
        };
    }
}
