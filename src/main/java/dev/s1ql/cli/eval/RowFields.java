// Reads a field of an event or row by any of its names: a column name, a flat dotted key, a nested 2.0 path,
// or the 1.0 name the catalog pairs with it (case-insensitive), so PowerQuery stages work on both event shapes.
package dev.s1ql.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;

import java.util.Iterator;
import java.util.Map;

final class RowFields {
    private RowFields() {
    }

    /** The value, or null when the row has no such field. */
    static JsonNode get(ObjectNode row, String name) {
        JsonNode v = row.get(name);
        if (v != null) return v;
        v = nested(row, name);
        if (v != null) return v;
        FieldInfo f = FieldCatalog.defaults().lookupS1ql2(name);
        if (f == null) f = FieldCatalog.defaults().lookup(name);
        if (f == null) return null;
        v = ignoringCase(row, f.name());
        if (v == null && !f.s1ql2().isEmpty()) v = row.has(f.s1ql2()) ? row.get(f.s1ql2()) : nested(row, f.s1ql2());
        return v;
    }

    private static JsonNode nested(JsonNode node, String path) {
        JsonNode cur = node;
        for (String part : path.split("\\.")) {
            if (cur == null || !cur.isObject()) return null;
            cur = cur.get(part);
        }
        return cur;
    }

    private static JsonNode ignoringCase(ObjectNode row, String key) {
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return null;
    }
}
