// Compares the rows a pipeline gave with the rows a spec file expects (EvalSpecFile: by the values' text, as a
// multiset unless the case says its rows are in order), and says what differs.
package dev.s1ql.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class SpecRows {
    private SpecRows() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A row as comparable values: each key (absent = null, so null keys are dropped) to its value's text. */
    public static Map<String, Object> canonical(JsonNode row) {
        Map<String, Object> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Object v = value(e.getValue());
            if (v != null) out.put(e.getKey(), v);
        }
        return out;
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            v.forEach(x -> out.add(value(x)));
            return out;
        }
        if (v.isNumber()) return number(v.decimalValue());
        String text = v.asText();
        if (v.isTextual() && text.matches("-?[0-9]+(\\.[0-9]+)?") && text.length() <= 60) return number(new BigDecimal(text));
        return text;
    }

    private static String number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
    }

    public static List<Map<String, Object>> parse(List<String> lines) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String l : lines) out.add(canonical(JSON.readTree(l)));
        return out;
    }

    /** Null when {@code actual} is what {@code expected} says, else a description of the difference. */
    public static String difference(List<Map<String, Object>> expected, List<Map<String, Object>> actual, boolean ordered) {
        if (ordered) {
            return expected.equals(actual) ? null : "expected, in order:\n  " + join(expected) + "\nbut got:\n  " + join(actual);
        }
        List<Map<String, Object>> missing = new ArrayList<>(expected);
        List<Map<String, Object>> extra = new ArrayList<>();
        for (Map<String, Object> r : actual) if (!missing.remove(r)) extra.add(r);
        if (missing.isEmpty() && extra.isEmpty()) return null;
        return "missing rows:\n  " + join(missing) + "\nunexpected rows:\n  " + join(extra);
    }

    private static String join(List<Map<String, Object>> rows) {
        List<String> s = new ArrayList<>();
        for (Map<String, Object> r : rows) s.add(r.toString());
        return String.join("\n  ", s);
    }
}
