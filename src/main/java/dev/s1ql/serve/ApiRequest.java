// The JSON body of an API request, read strictly: a field of the wrong type or a name the endpoint does not
// know is a 400 with a message, never silently ignored.
package dev.s1ql.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.parse.DialectChoice;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

final class ApiRequest {

    private final ObjectNode body;

    private ApiRequest(ObjectNode body) {
        this.body = body;
    }

    /** Parses a body that must be one JSON object with only the {@code allowed} fields. */
    static ApiRequest parse(ObjectMapper json, byte[] bytes, Set<String> allowed) {
        JsonNode n;
        try {
            n = json.readTree(bytes);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (n == null || !n.isObject()) throw ApiException.badRequest("the body must be one JSON object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw ApiException.badRequest("unknown field '" + f + "' (known: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        return new ApiRequest((ObjectNode) n);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    String requiredText(String field) {
        String s = text(field);
        if (s == null) throw ApiException.badRequest("'" + field + "' is required (a string)");
        return s;
    }

    /** A string field, or null when it is absent or null. */
    String text(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ApiException.badRequest("'" + field + "' must be a string");
        return v.asText();
    }

    boolean flag(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw ApiException.badRequest("'" + field + "' must be true or false");
        return v.asBoolean();
    }

    /** An object field, or null. */
    ObjectNode object(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw ApiException.badRequest("'" + field + "' must be an object");
        return (ObjectNode) v;
    }

    /** "dialect": auto (default), 1.0, 2.0 or pq. */
    DialectChoice dialect() {
        String d = text("dialect");
        if (d == null) return DialectChoice.AUTO;
        try {
            return DialectChoice.parse(d);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** "source": the name the answer gives the query (default {@code query}). */
    String source() {
        String s = text("source");
        return s == null ? "query" : s;
    }
}
