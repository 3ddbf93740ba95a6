// meta.event.name and i.scheme in SQL (filters and pipeline stages): the event's own value where the table has the
// column (--columns v2, or a mapping file naming it), else the value derived from its EventType (and, for
// i.scheme, its ObjectType) through catalog/event-kinds.tsv, as the evaluator derives them (eval/DerivedFields).
// Each derivation is a CASE over the table's keys, written out in the SQL. Under v1 (Deep Visibility-shaped
// tables) an event's own value is not read: an event whose stamp differs from its EventType's primary code (an
// IPv6 connection's TCPV6) reads as the primary code there, where the evaluator reads its own value.
package dev.s1ql.render.sql;

import dev.s1ql.catalog.EventKinds;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * EventType keys ignore case and spaces, ObjectType keys case and surrounding spaces (SQL's trim removes spaces
 * only, where the evaluator strips any white space: an ObjectType padded with tabs derives nothing here).
 */
final class EventKindColumns {
    private EventKindColumns() {
    }

    /** Whether {@code field} (a catalog name) is derived when the event lacks it. */
    static boolean derived(String field) {
        return field.equalsIgnoreCase(EventKinds.META_EVENT_NAME) || field.equalsIgnoreCase(EventKinds.SCHEME);
    }

    /** The SQL text of the field's value (derived where the event lacks it); the columns read are added to {@code read}. */
    static String read(SqlDialect d, ColumnNaming naming, FieldInfo field, Set<List<String>> read) {
        PipelineDialect pd = new PipelineDialect(d);
        List<String> eventTypeColumn = naming.of(FieldCatalog.defaults().lookup("EventType"));
        List<String> objectTypeColumn = naming.of(FieldCatalog.defaults().lookup("ObjectType"));
        read.add(eventTypeColumn);
        read.add(objectTypeColumn);
        String own = null;
        if (naming.carries(field)) {
            List<String> ownColumn = naming.of(field);
            read.add(ownColumn);
            own = pd.castText(d.column(ownColumn));
        }
        return read(d, field.name(), own, pd.castText(d.column(eventTypeColumn)), pd.castText(d.column(objectTypeColumn)));
    }

    /** event-kinds.tsv as SQL lookups: EventType key to primary code, and to scheme; ObjectType key to scheme. */
    private static final Map<String, String> CODE_BY_EVENT_TYPE = new LinkedHashMap<>();
    private static final Map<String, String> SCHEME_BY_EVENT_TYPE = new LinkedHashMap<>();
    private static final Map<String, String> SCHEME_BY_OBJECT_TYPE = new LinkedHashMap<>();

    static {
        EventKinds kinds = EventKinds.defaults();
        for (EventKinds.Kind k : kinds.all()) {
            if (!k.eventType().isEmpty()) {
                String key = k.eventType().replace(" ", "").toLowerCase(Locale.ROOT);
                String code = kinds.primaryMetaEventName(k.eventType());
                if (code != null) CODE_BY_EVENT_TYPE.putIfAbsent(key, code);
                String scheme = kinds.scheme(k.eventType(), null);
                if (scheme != null) SCHEME_BY_EVENT_TYPE.putIfAbsent(key, scheme);
            }
            if (!k.objectType().isEmpty()) {
                String scheme = kinds.scheme(null, k.objectType());
                String key = k.objectType().strip().toLowerCase(Locale.ROOT);
                if (scheme != null) SCHEME_BY_OBJECT_TYPE.putIfAbsent(key, scheme);
            }
        }
    }

    /**
     * The SQL text of the derived value: {@code own} (the field's column as text), else the derivation from the
     * {@code eventType} and {@code objectType} columns (as text); {@code own} null: the derivation alone.
     */
    private static String read(SqlDialect d, String field, String own, String eventType, String objectType) {
        boolean scheme = field.equalsIgnoreCase(EventKinds.SCHEME);
        Map<String, String> byEventType = scheme ? SCHEME_BY_EVENT_TYPE : CODE_BY_EVENT_TYPE;
        String fromEventType = cases(d, "lower(replace(" + eventType + ", ' ', ''))", byEventType);
        if (!scheme) return own == null ? fromEventType : "coalesce(" + own + ", " + fromEventType + ")";
        // An EventType the table knows decides; an unknown one (or none) leaves it to the ObjectType.
        String known = "lower(replace(" + eventType + ", ' ', '')) IN (" + keys(d, byEventType) + ")";
        String fromObjectType = cases(d, "lower(trim(" + objectType + "))", SCHEME_BY_OBJECT_TYPE);
        String derived = "CASE WHEN " + known + " THEN " + fromEventType + " ELSE " + fromObjectType + " END";
        return own == null ? derived : "coalesce(" + own + ", " + derived + ")";
    }

    private static String cases(SqlDialect d, String key, Map<String, String> values) {
        StringBuilder out = new StringBuilder("CASE " + key);
        for (Map.Entry<String, String> e : values.entrySet()) {
            out.append(" WHEN ").append(d.literal(e.getKey())).append(" THEN ").append(d.literal(e.getValue()));
        }
        return out.append(" END").toString();
    }

    private static String keys(SqlDialect d, Map<String, String> values) {
        List<String> out = values.keySet().stream().map(d::literal).toList();
        return String.join(", ", out);
    }
}
