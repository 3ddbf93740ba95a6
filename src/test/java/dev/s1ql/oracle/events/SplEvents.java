// Converts spec events (SentinelOne shape) into the events an SPL profile searches, as an honest inverse of the
// profile's data table src/main/resources/dev/s1ql/mapping/spl/<profile>.tsv: the `os` row's search terms (source,
// sourcetype) and the `event` row's terms (EventCode=1, tag=process tag=report, action=created; of alternatives
// such as EventCode=23,26 the first) become the event's fields; each `field` row puts a SentinelOne field into its
// target field (a `last-segment` row puts a name where the path field would be, or checks the name against the
// path already there); `prefix` rows rewrite value prefixes (MACHINE\ to HKLM\). Profile s1 keeps every field
// under its S1QL 1.0 name. An event without EventType becomes its kind's first event type the profile has; one
// without EndpointOS a windows event. A value that is JSON null or "" is left out: Splunk extracts no field for
// it (docs/spl.md, S3009). Values are text; numbers keep their JSON spelling.
//
// This tests the operators, case rules, escaping and missing-field rules of the emitted SPL against the S1QL
// meaning, not whether the mapping itself is true to Sysmon or CIM data (the differential test against the real
// Sysmon twins of the Mordor events, SplDifferentialTest, does that).
package dev.s1ql.oracle.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s1ql.catalog.TsvTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class SplEvents {

    private static final Pattern TERM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|(\\S+))");

    private final String profile;
    private final List<Map<String, String>> rows;
    private final boolean identity;

    private SplEvents(String profile) {
        this.profile = profile;
        this.rows = TsvTable.resource("/dev/s1ql/mapping/spl/" + profile + ".tsv");
        this.identity = rows.stream().anyMatch(r -> r.get("kind").equals("setting") && r.get("s1").equals("identity")
                && r.get("target").equals("yes"));
    }

    public static Conversion<List<Map<String, Object>>> convert(String profile, List<S1Event> events) {
        return new SplEvents(profile).convert(events);
    }

    private Conversion<List<Map<String, Object>>> convert(List<S1Event> events) {
        Conversion<List<Map<String, Object>>> out = new Conversion<>();
        List<Map<String, Object>> converted = new ArrayList<>();
        for (S1Event e : events) {
            try {
                converted.add(identity ? identity(e, out) : mapped(e, out));
            } catch (IllegalArgumentException x) {
                out.note(e.id(), "not in the target: " + x.getMessage());
            }
        }
        out.data(converted);
        return out;
    }

    private static Map<String, Object> identity(S1Event e, Conversion<?> out) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", e.id());
        for (Map.Entry<String, JsonNode> f : e.fields().entrySet()) put(e, event, f.getKey(), text(f.getValue()), out);
        return event;
    }

    private Map<String, Object> mapped(S1Event e, Conversion<?> out) {
        String os = e.text("EndpointOS") == null ? "windows" : e.text("EndpointOS").toLowerCase(Locale.ROOT);
        Map<String, String> osRow = find("os", os, null);
        if (osRow == null) throw new IllegalArgumentException("profile " + profile + " has no " + os + " events");
        Map<String, String> eventRow = eventRow(e, os);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", e.id());
        terms(osRow.get("target"), event);
        terms(eventRow.get("target"), event);
        List<String> sets = List.of(eventRow.get("detail").split("\\+"));
        List<Map.Entry<String, JsonNode>> names = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> derived = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : e.fields().entrySet()) {
            String field = f.getKey();
            if (field.equals("EventType") || field.equals("ObjectType") || field.equals("EndpointOS")) continue;
            Map<String, String> row = fieldRow(field, sets);
            if (row == null) {
                out.note(e.id(), field + " has no counterpart in profile " + profile + " (" + eventRow.get("s1") + "): left out");
            } else if (row.get("target").isEmpty()) {
                out.note(e.id(), field + " is not recorded by profile " + profile + " (" + eventRow.get("s1") + "): left out");
            } else if (row.get("detail").equals("last-segment")) {
                names.add(f);
            } else if (!row.get("detail").isBlank()) {
                derived.add(f);
            } else {
                put(e, event, row.get("target"), prefixed(field, sets, text(f.getValue())), out);
            }
        }
        for (Map.Entry<String, JsonNode> f : names) {
            Map<String, String> row = fieldRow(f.getKey(), sets);
            String name = text(f.getValue());
            Object path = event.get(row.get("target"));
            if (name == null || name.isEmpty()) continue;
            if (name.contains("\\") || name.contains("/")) {
                throw new IllegalArgumentException(f.getKey() + " '" + name + "' holds a path separator, so it is the last "
                        + "segment of no " + row.get("target"));
            }
            if (path == null) {
                event.put(row.get("target"), name);
            } else if (!lastSegment(path.toString()).equals(name)) {
                throw new IllegalArgumentException(f.getKey() + " '" + name + "' is not the last segment of " + row.get("target") + " '" + path + "'");
            }
        }
        for (Map.Entry<String, JsonNode> f : derived) derive(f.getKey(), text(f.getValue()), fieldRow(f.getKey(), sets), event);
        return event;
    }

    /**
     * The inverse of a derived field row (mapping/spl: extension, hash:ALGO, values:S1=TARGET;...): the target
     * field holding what the derivation reads the SentinelOne value from; a conflict with a value already there
     * is refused, as for last segments.
     */
    private static void derive(String field, String value, Map<String, String> row, Map<String, Object> event) {
        if (value == null) return;
        String detail = row.get("detail").trim();
        String target = row.get("target");
        Object have = event.get(target);
        if (detail.equals("extension")) {
            if (have == null) {
                event.put(target, "file." + value);
            } else {
                String name = lastSegment(have.toString());
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
                if (!ext.equals(value)) {
                    throw new IllegalArgumentException(field + " '" + value + "' is not the extension of " + target + " '" + have + "'");
                }
            }
        } else if (detail.startsWith("hash:")) {
            String part = detail.substring(5).toUpperCase(Locale.ROOT) + "=" + value.toUpperCase(Locale.ROOT);
            event.put(target, have == null ? part : have + "," + part);
        } else if (detail.startsWith("values:")) {
            for (String pair : detail.substring(7).split(";")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equalsIgnoreCase(value)) {
                    event.put(target, kv[1]);
                    return;
                }
            }
            throw new IllegalArgumentException(field + " '" + value + "' has no value in " + target + " (" + detail + ")");
        } else {
            throw new IllegalArgumentException("unknown derivation '" + detail + "' for " + field);
        }
    }

    private Map<String, String> eventRow(S1Event e, String os) {
        String eventType = e.text("EventType");
        if (eventType != null) {
            Map<String, String> row = find("event", eventType, os);
            if (row == null) throw new IllegalArgumentException("profile " + profile + " has no '" + eventType + "' events on " + os);
            return row;
        }
        String kind = S1EventKinds.kindOf(e);
        for (String type : S1EventKinds.eventTypes(kind)) {
            Map<String, String> row = find("event", type, os);
            if (row != null) return row;
        }
        throw new IllegalArgumentException("profile " + profile + " has no " + kind + " events on " + os);
    }

    private Map<String, String> find(String kind, String s1, String os) {
        for (Map<String, String> r : rows) {
            if (!r.get("kind").equals(kind) || !r.get("s1").equalsIgnoreCase(s1)) continue;
            if (os == null || List.of(r.get("scope").split(",")).contains(os)) return r;
        }
        return null;
    }

    private Map<String, String> fieldRow(String field, List<String> sets) {
        for (String set : sets) {
            for (Map<String, String> r : rows) {
                if (r.get("kind").equals("field") && r.get("s1").equals(field) && r.get("scope").equals(set)) return r;
            }
        }
        return null;
    }

    private String prefixed(String field, List<String> sets, String value) {
        if (value == null) return null;
        for (Map<String, String> r : rows) {
            if (!r.get("kind").equals("prefix") || !r.get("s1").equals(field) || !sets.contains(r.get("scope"))) continue;
            String from = r.get("detail");
            if (value.regionMatches(true, 0, from, 0, from.length())) return r.get("target") + value.substring(from.length());
        }
        return value;
    }

    /** Search terms (field=value, field="value") as fields; a repeated field becomes multivalue. */
    private static void terms(String text, Map<String, Object> event) {
        Matcher m = TERM.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3).split(",")[0];
            Object old = event.get(m.group(1));
            if (old == null) {
                event.put(m.group(1), value);
            } else {
                List<Object> mv = new ArrayList<>(SplValuesView.values(old));
                mv.add(value);
                event.put(m.group(1), mv);
            }
        }
    }

    private static void put(S1Event e, Map<String, Object> event, String field, String value, Conversion<?> out) {
        if (value == null) return;
        if (value.isEmpty()) {
            out.note(e.id(), field + " is empty: left out, Splunk extracts no field for an empty value");
            return;
        }
        Object old = event.get(field);
        if (old != null && !old.equals(value)) {
            throw new IllegalArgumentException("two fields need " + field + " with different values");
        }
        event.put(field, value);
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) return null;
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static String lastSegment(String path) {
        return path.substring(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
    }

    /** Multivalue helper without depending on the oracle's package-private classes. */
    private static final class SplValuesView {
        static List<?> values(Object v) {
            return v instanceof List<?> l ? l : List.of(v);
        }
    }
}
