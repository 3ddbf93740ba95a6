// Compares a target's result rows with a pipeline spec's `rows:`. Values compare by their text: a number and a
// string that reads as the same number are equal (2, 2.0, "2"), booleans equal their text, datetimes their ISO-8601
// text, arrays element by element; a key that is absent equals null. Each result row is reduced to the keys the
// spec's rows name (a target may return more columns, such as the event id). Rows compare as multisets unless the
// spec says `rows in order:`.
package dev.s1ql.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

final class SpecRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpecRows() {
    }

    /** What differs, or null when the rows agree. */
    static String difference(List<String> expectedLines, boolean ordered, List<Map<String, Object>> actual) {
        List<Map<String, Object>> expected = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String line : expectedLines) {
            Map<String, Object> row = normalizedRow(parse(line));
            expected.add(row);
            keys.addAll(row.keySet());
        }
        List<Map<String, Object>> got = new ArrayList<>();
        for (Map<String, Object> r : actual) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String k : keys) row.put(k, normalized(r.get(k)));
            got.add(row);
        }
        List<Map<String, Object>> want = new ArrayList<>();
        for (Map<String, Object> r : expected) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String k : keys) row.put(k, r.get(k));
            want.add(row);
        }
        boolean same;
        if (ordered) {
            same = want.equals(got);
        } else {
            List<Map<String, Object>> rest = new ArrayList<>(got);
            same = want.size() == got.size();
            for (Map<String, Object> w : want) same &= rest.remove(w);
        }
        return same ? null : "expected rows " + want + (ordered ? " in this order" : "") + " but the target gave " + got;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("malformed row in spec: " + line, e);
        }
    }

    private static Map<String, Object> normalizedRow(JsonNode row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), normalized(e.getValue()));
        }
        return out;
    }

    /** A value's comparable form: null, a canonical number text, a text, or a list of those. */
    static Object normalized(Object v) {
        if (v == null) return null;
        if (v instanceof JsonNode n) {
            if (n.isNull() || n.isMissingNode()) return null;
            if (n.isArray()) {
                List<Object> out = new ArrayList<>();
                n.forEach(x -> out.add(normalized(x)));
                return out;
            }
            if (n.isObject()) return n.toString();
            return normalized(n.isTextual() ? n.asText() : n.asText());
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(normalized(x));
            return out;
        }
        String text = v.toString();
        if (NUMBER.matcher(text.strip()).matches()) {
            BigDecimal d = new BigDecimal(text.strip()).stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        return text;
    }
}
