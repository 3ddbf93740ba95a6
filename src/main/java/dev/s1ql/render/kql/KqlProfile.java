// One KQL target environment (Defender XDR advanced hunting, Sentinel ASIM): the tables that stand for each
// kind of SentinelOne event and the column that stands for each S1QL field there. Built from the data files
// under resources dev/s1ql/mapping/kql/<profile>/ by KqlProfileLoader; every row there names its source.
package dev.s1ql.render.kql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

public record KqlProfile(String name,
                         List<Source> sources,
                         Map<String, List<Column>> columnsByField,
                         List<EventType> eventTypes,
                         List<Os> operatingSystems,
                         List<dev.s1ql.translate.core.PrefixRewrite.Root> registryRoots) {

    /** How a column's values compare. */
    public enum ColumnType { STRING, NUMBER, BOOL, TIME }

    /**
     * A table (or one slice of it) that records one kind of SentinelOne event.
     *
     * @param kind         the S1 event kind (ObjectType value, lower case) it stands for
     * @param filter       KQL condition that selects the slice, or ""
     * @param actionColumn the column holding the event's action (ActionType, EventType)
     */
    public record Source(String kind, String table, String filter, String actionColumn, boolean approximate,
                         String note) {
    }

    /**
     * Where an S1QL field is found for some kinds of event.
     *
     * @param kinds     the event kinds this row applies to; "*" for all
     * @param column    a column name, or a KQL expression computing the S1 value
     * @param alias     when column is an expression: the name it is given by {@code extend}; else ""
     * @param transform "" or a value transform: {@code registry_root}, {@code basename}
     */
    public record Column(String field, Set<String> kinds, String column, ColumnType type, String alias,
                         String transform, boolean approximate, String note) {

        public boolean appliesTo(String kind) {
            return kinds.contains("*") || kinds.contains(kind);
        }

        /** The name to compare against in a condition. */
        public String reference() {
            return alias.isEmpty() ? column : alias;
        }
    }

    /** An S1 EventType value: the kind of event and the target action values ("" list: every row). */
    public record EventType(String name, String kind, List<String> actions, boolean approximate, String note) {
    }

    /** An EndpointOS value and the KQL condition that selects devices running it. */
    public record Os(String value, String condition, boolean approximate, String note) {
    }

    /** The column for {@code field} in events of {@code kind}, or null when the profile has none. */
    public Column column(String field, String kind) {
        for (Column c : columnsByField.getOrDefault(field.toLowerCase(Locale.ROOT), List.of())) {
            if (c.appliesTo(kind)) return c;
        }
        return null;
    }

    /** The mapping row of an EventType value (any case) in events of {@code kind}, or null. */
    public EventType eventType(String value, String kind) {
        for (EventType e : eventTypes) if (e.name().equalsIgnoreCase(value) && e.kind().equals(kind)) return e;
        return null;
    }

    /** The table that stands for events of {@code kind}, or null when the profile has none. */
    public Source source(String kind) {
        for (Source s : sources) if (s.kind().equals(kind)) return s;
        return null;
    }
}
