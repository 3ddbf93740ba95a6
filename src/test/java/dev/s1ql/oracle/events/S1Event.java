// A spec file's SentinelOne event read by field meaning: every key (a 1.0 name in any case, a camelCase DV key, a
// 2.0 dotted name nested or flat, a legacy alias with one member) becomes the canonical S1QL 1.0 field it holds,
// through the field catalog. Keys the catalog does not know stay as written. This is what the converters to
// target shapes start from.
package dev.s1ql.oracle.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param id     the event's "id"
 * @param index  its position in the spec file (0-based)
 * @param fields canonical field name to value, in the event's key order (JSON null values included)
 */
public record S1Event(String id, int index, Map<String, JsonNode> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<S1Event> read(List<String> lines) {
        List<S1Event> out = new ArrayList<>();
        for (String line : lines) out.add(read(line, out.size()));
        return out;
    }

    static S1Event read(String line, int index) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("malformed spec event: " + line, e);
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        flatten("", root, fields);
        JsonNode id = fields.remove("id");
        if (id == null) throw new IllegalArgumentException("spec event without an id: " + line);
        Map<String, JsonNode> canonical = new LinkedHashMap<>();
        // a legacy key (agentName) is its member's value only when the event lacks the member (docs/eval.md)
        Map<String, JsonNode> legacy = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
            String name = canonicalName(e.getKey());
            if (isLegacyKey(e.getKey())) {
                legacy.putIfAbsent(name, e.getValue());
                continue;
            }
            if (canonical.containsKey(name) && !canonical.get(name).equals(e.getValue())) {
                throw new IllegalArgumentException("event " + id.asText() + " holds " + name + " twice with different values");
            }
            canonical.put(name, e.getValue());
        }
        for (Map.Entry<String, JsonNode> e : legacy.entrySet()) {
            JsonNode member = canonical.get(e.getKey());
            if (member == null || member.isNull()) canonical.put(e.getKey(), e.getValue());
        }
        return new S1Event(id.asText(), index, canonical);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && (prefix.isEmpty() || node.size() > 0)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, node);
        }
    }

    /** The canonical 1.0 name of an event key, or the key itself when the catalog does not know it. */
    static String canonicalName(String key) {
        FieldCatalog catalog = FieldCatalog.defaults();
        FieldInfo f = catalog.lookup(key);
        if (f == null && key.contains(".")) f = catalog.lookupS1ql2(key);
        if (f == null) return key;
        if (f.kind() == FieldKind.FIELD) return f.name();
        // a legacy alias with one member (agentName -> EndpointName) is that member; a shortcut (CmdLine) is no key
        return f.members().size() == 1 ? f.members().get(0) : f.name();
    }

    /** Whether an event key is spelled like a legacy name with one member (agentName for EndpointName). */
    private static boolean isLegacyKey(String key) {
        FieldInfo f = FieldCatalog.defaults().lookup(key);
        return f != null && f.isSingleMemberAlias();
    }

    /** The text of a field (a JSON string's value, a number's or boolean's JSON text), or null when absent/null. */
    public String text(String field) {
        JsonNode v = fields.get(field);
        if (v == null || v.isNull()) return null;
        return v.isTextual() ? v.asText() : v.toString();
    }
}
