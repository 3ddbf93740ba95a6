// Converts spec events (SentinelOne shape) into rows of the tables a KQL profile reads (mde: the Defender XDR
// Device* tables; sentinel-asim: the ASIM parsers and Device* fallbacks), as an honest inverse of the profile's
// data tables in src/main/resources/dev/s1ql/mapping/kql/<profile>/: sources.tsv says which table (and slice) holds
// each kind of event, event-types.tsv which ActionType/EventType value each EventType becomes, fields.tsv which
// column holds each field (inverting the column expressions it uses: a plain column, strcat(A, B), the registry
// key-path iff(...), tostring(parse_json(AdditionalFields).X), and the basename and registry_root transforms),
// endpoint-os.tsv how the OS is found (DeviceInfo's OSPlatform or ASIM's DvcOs). Column types come from Microsoft's
// table schemas (KqlSchemas); a value the column's type cannot hold is stored as the null an ingestion would store.
//
// This tests the operators, case rules, escaping and missing-field rules of the emitted KQL against the S1QL
// meaning, not whether the mapping itself is true to the data: a row built from the mapping agrees with the mapping
// by construction. Every table also gets a column S1qlSpecId holding the spec event's id.
package dev.s1ql.oracle.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.catalog.TsvTable;
import dev.s1ql.oracle.kql.KqlColumn;
import dev.s1ql.oracle.kql.KqlTable;
import dev.s1ql.oracle.kql.KqlType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class KqlEventTables {

    /** The column holding the spec event's id in every table. */
    public static final String ID_COLUMN = "S1qlSpecId";

    /**
     * The OS as the target writes it, per S1 EndpointOS value: DeviceInfo's OSPlatform (Windows10, macOS, Linux:
     * learn.microsoft.com/defender-xdr/advanced-hunting-deviceinfo-table) and ASIM's DvcOs ("Windows", "Linux":
     * learn.microsoft.com/azure/sentinel/normalization-common-fields).
     */
    private static final Map<String, String[]> OS = Map.of(
            "windows", new String[]{"Windows10", "Windows"},
            "osx", new String[]{"macOS", "macOS"},
            "linux", new String[]{"Linux", "Linux"});

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ADDITIONAL = Pattern.compile("tostring\\(parse_json\\((\\w+)\\)\\.(\\w+)\\)");
    /** The extension of a file-name column (mde TgtFileExtension): the name "file.<ext>" has it. */
    private static final Pattern EXTENSION = Pattern.compile(Pattern.quote("extract(@\"\\.([^.\\\\/]*)$\", 1, ") + "(\\w+)\\)");
    /** The last segment of a path column (ASIM SrcProcName): a bare name is its own last segment. */
    private static final Pattern LAST_SEGMENT = Pattern.compile(Pattern.quote("tostring(split(replace_string(") + "(\\w+)"
            + Pattern.quote(", @\"\\\", \"/\"), \"/\")[-1])"));
    private static final Pattern STRCAT = Pattern.compile("strcat\\((\\w+), (\\w+)\\)");
    private static final Pattern KEY_PATH = Pattern.compile(
            "iff\\(isempty\\((\\w+)\\), (\\w+), strcat\\(\\2, @\"\\\\\", \\1\\)\\)");
    private static final Pattern ACTION_EQ = Pattern.compile("(\\w+) == \"([^\"]*)\"");
    private static final Pattern ACTION_IN = Pattern.compile("(\\w+) in \\((.*)\\)");
    private static final Pattern NOT_EMPTY = Pattern.compile("isnotempty\\((\\w+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String profile;
    private final List<Map<String, String>> sources;
    private final List<Map<String, String>> eventTypes;
    private final List<Map<String, String>> fields;
    private final List<Map<String, String>> roots;

    private KqlEventTables(String profile) {
        this.profile = profile;
        String dir = "/dev/s1ql/mapping/kql/" + profile + "/";
        this.sources = TsvTable.resource(dir + "sources.tsv");
        this.eventTypes = TsvTable.resource(dir + "event-types.tsv");
        this.fields = TsvTable.resource(dir + "fields.tsv");
        this.roots = TsvTable.resource(dir + "registry-roots.tsv");
    }

    /** The tables (every table of the profile's sources, and DeviceInfo) holding the events. */
    public static Conversion<Map<String, KqlTable>> convert(String profile, List<S1Event> events) {
        return new KqlEventTables(profile).convert(events);
    }

    private Conversion<Map<String, KqlTable>> convert(List<S1Event> events) {
        Conversion<Map<String, KqlTable>> out = new Conversion<>();
        Map<String, List<KqlColumn>> schemas = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (Map<String, String> s : sources) schemas.computeIfAbsent(s.get("table"), this::schema);
        schemas.put("DeviceInfo", schema("DeviceInfo"));
        for (String t : schemas.keySet()) rows.put(t, new ArrayList<>());
        for (S1Event e : events) {
            try {
                convert(e, schemas, rows, out);
            } catch (IllegalArgumentException x) {
                out.note(e.id(), "not in the target: " + x.getMessage());
            }
        }
        Map<String, KqlTable> tables = new LinkedHashMap<>();
        for (String t : schemas.keySet()) tables.put(t, new KqlTable(schemas.get(t), rows.get(t)));
        out.data(tables);
        return out;
    }

    private List<KqlColumn> schema(String table) {
        List<KqlColumn> cols = KqlSchemas.columns(profile, table);
        if (cols == null) throw new IllegalStateException("profile " + profile + " reads table " + table + ", which its schema lacks");
        List<KqlColumn> out = new ArrayList<>(cols);
        out.add(new KqlColumn(ID_COLUMN, KqlType.STRING));
        return out;
    }

    private void convert(S1Event e, Map<String, List<KqlColumn>> schemas, Map<String, List<Map<String, Object>>> rows,
                         Conversion<?> out) {
        String kind = S1EventKinds.kindOf(e);
        Map<String, String> source = null;
        for (Map<String, String> s : sources) if (s.get("kind").equals(kind)) source = s;
        if (source == null) throw new IllegalArgumentException("profile " + profile + " has no table for " + kind + " events");
        String table = source.get("table");
        Map<String, KqlColumn> columns = new LinkedHashMap<>();
        for (KqlColumn c : schemas.get(table)) columns.put(c.name(), c);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(ID_COLUMN, e.id());
        String action = action(e, kind, source);
        if (action != null) put(row, columns, source.get("action_column"), action);
        if (columns.containsKey("DeviceId")) row.put("DeviceId", "device-" + e.id());
        for (Map.Entry<String, JsonNode> f : e.fields().entrySet()) {
            String name = f.getKey();
            if (name.equals("EventType") || name.equals("ObjectType")) continue;
            if (name.equals("EndpointOS")) {
                os(e, f.getValue(), columns, row, rows.get("DeviceInfo"), out);
                continue;
            }
            Map<String, String> mapping = fieldRow(name, kind);
            if (mapping == null) {
                out.note(e.id(), name + " has no column in " + table + " (profile " + profile + "): left out");
                continue;
            }
            place(e, name, f.getValue(), mapping, columns, row, out);
        }
        rows.get(table).add(row);
    }

    /** The action value of the event: its EventType's, else its kind's first event type's, else the slice's. */
    private String action(S1Event e, String kind, Map<String, String> source) {
        String eventType = e.text("EventType");
        Map<String, String> typeRow = null;
        for (Map<String, String> r : eventTypes) {
            boolean match = eventType != null ? r.get("event_type").equalsIgnoreCase(eventType) : r.get("kind").equals(kind);
            if (match) {
                typeRow = r;
                break;
            }
        }
        if (eventType != null && typeRow == null) {
            throw new IllegalArgumentException("profile " + profile + " has no events of type '" + eventType + "'");
        }
        List<String> allowed = sliceActions(source);
        String action = null;
        if (typeRow != null && !typeRow.get("actions").isEmpty()) action = typeRow.get("actions").split(",")[0];
        if (action == null && allowed != null) action = allowed.get(0);
        if (action != null && allowed != null && !allowed.contains(action)) {
            throw new IllegalArgumentException("action " + action + " is outside the slice " + source.get("filter"));
        }
        return action == null ? "" : action;
    }

    /** The action values a source's filter allows, or null when it does not filter on the action column. */
    private static List<String> sliceActions(Map<String, String> source) {
        String filter = source.get("filter");
        if (filter.isEmpty() || NOT_EMPTY.matcher(filter).matches()) return null;
        Matcher eq = ACTION_EQ.matcher(filter);
        if (eq.matches()) return List.of(eq.group(2));
        Matcher in = ACTION_IN.matcher(filter);
        if (in.matches()) {
            List<String> out = new ArrayList<>();
            for (String v : in.group(2).split(",")) out.add(v.strip().replaceAll("^\"|\"$", ""));
            return out;
        }
        throw new IllegalStateException("cannot invert the source filter " + filter);
    }

    private Map<String, String> fieldRow(String field, String kind) {
        Map<String, String> any = null;
        for (Map<String, String> r : fields) {
            if (!r.get("field").equals(field)) continue;
            if (r.get("kinds").equals("*")) any = r;
            else if (List.of(r.get("kinds").split(",")).contains(kind)) return r;
        }
        return any;
    }

    private void place(S1Event e, String field, JsonNode value, Map<String, String> mapping, Map<String, KqlColumn> columns,
                       Map<String, Object> row, Conversion<?> out) {
        String text = value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
        String transform = mapping.get("transform");
        if (text != null && transform.equals("basename")) text = text.substring(Math.max(text.lastIndexOf('\\'), text.lastIndexOf('/')) + 1);
        if (text != null && transform.equals("registry_root")) text = rewriteRoot(text);
        String column = mapping.get("column");
        JsonNode stored = text == null ? value : transform.isEmpty() ? value : JSON.getNodeFactory().textNode(text);
        if (PLAIN.matcher(column).matches()) {
            store(e, field, stored, column, columns, row, out);
            return;
        }
        Matcher m = ADDITIONAL.matcher(column);
        if (m.matches()) {
            String bag = m.group(1);
            KqlColumn c = require(columns, bag);
            ObjectNode json = JSON.createObjectNode();
            Object existing = row.get(bag);
            if (existing instanceof String s && !s.isEmpty()) json = (ObjectNode) parse(s);
            if (existing instanceof ObjectNode o) json = o;
            json.set(m.group(2), stored);
            row.put(bag, c.type() == KqlType.DYNAMIC ? json : json.toString());
            return;
        }
        m = KEY_PATH.matcher(column);
        if (m.matches()) {
            store(e, field, stored, m.group(2), columns, row, out);
            store(e, field, JSON.getNodeFactory().textNode(""), m.group(1), columns, row, out);
            return;
        }
        m = STRCAT.matcher(column);
        if (m.matches()) {
            store(e, field, stored, m.group(1), columns, row, out);
            store(e, field, JSON.getNodeFactory().textNode(""), m.group(2), columns, row, out);
            return;
        }
        m = EXTENSION.matcher(column);
        if (m.matches() && text != null) {
            if (!row.containsKey(m.group(1))) store(e, field, JSON.getNodeFactory().textNode("file." + text), m.group(1), columns, row, out);
            return;
        }
        m = LAST_SEGMENT.matcher(column);
        if (m.matches()) {
            if (!row.containsKey(m.group(1))) store(e, field, stored, m.group(1), columns, row, out);
            return;
        }
        throw new IllegalStateException("no inverse for the column expression " + column + " (" + field + ")");
    }

    private String rewriteRoot(String path) {
        for (Map<String, String> r : roots) {
            String from = r.get("s1_prefix");
            if (path.regionMatches(true, 0, from, 0, from.length())) return r.get("target_prefix") + path.substring(from.length());
        }
        return path;
    }

    private static KqlColumn require(Map<String, KqlColumn> columns, String name) {
        KqlColumn c = columns.get(name);
        if (c == null) throw new IllegalStateException("the mapping names column " + name + ", which the table lacks");
        return c;
    }

    /** Stores a value in a column as its type holds it; a second, different value for one column is a conflict. */
    private static void store(S1Event e, String field, JsonNode value, String column, Map<String, KqlColumn> columns,
                              Map<String, Object> row, Conversion<?> out) {
        KqlColumn c = require(columns, column);
        Object v = typed(value, c.type());
        if (v == null && !value.isNull()) out.note(e.id(), field + " = " + value + " cannot be a " + c.type() + " (" + column + "): stored as null");
        Object old = row.get(column);
        if (old != null && !Objects.equals(old, v) && !(old instanceof String s && s.isEmpty())) {
            throw new IllegalArgumentException(field + " and another field both need column " + column + " with different values");
        }
        if (v != null) row.put(column, v);
    }

    private static void put(Map<String, Object> row, Map<String, KqlColumn> columns, String column, String value) {
        require(columns, column);
        row.put(column, value);
    }

    /** A JSON value as a column of that type holds it, or null when the type cannot hold it. */
    static Object typed(JsonNode v, KqlType type) {
        if (v == null || v.isNull()) return type.missing();
        String text = v.isTextual() ? v.asText() : v.toString();
        switch (type) {
            case STRING:
                return text;
            case LONG:
            case INT: {
                BigDecimal d = number(text);
                if (d == null) return null;
                try {
                    return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
                } catch (ArithmeticException x) {
                    return null;
                }
            }
            case REAL: {
                BigDecimal d = number(text);
                return d == null ? null : d.doubleValue();
            }
            case BOOL:
                if (text.equalsIgnoreCase("true")) return true;
                if (text.equalsIgnoreCase("false")) return false;
                return null;
            case DATETIME:
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException x) {
                    return null;
                }
            case DYNAMIC:
                return v;
            default:
                return text;
        }
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException x) {
            return null;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException x) {
            throw new IllegalStateException(x);
        }
    }

    private void os(S1Event e, JsonNode value, Map<String, KqlColumn> columns, Map<String, Object> row,
                    List<Map<String, Object>> deviceInfo, Conversion<?> out) {
        String os = value.isNull() ? null : value.asText().toLowerCase(Locale.ROOT);
        String[] spelling = os == null ? null : OS.get(os);
        if (spelling == null) {
            out.note(e.id(), "EndpointOS " + value + " has no spelling in the target: left out");
            return;
        }
        if (columns.containsKey("DvcOs")) row.put("DvcOs", spelling[1]);
        if (columns.containsKey("DeviceId")) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("DeviceId", "device-" + e.id());
            info.put("OSPlatform", spelling[0]);
            info.put(ID_COLUMN, e.id());
            deviceInfo.add(info);
        }
    }
}
