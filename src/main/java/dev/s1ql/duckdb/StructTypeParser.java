// Splits a DuckDB STRUCT type as DESCRIBE prints it, STRUCT(a VARCHAR, "b c" STRUCT(x BIGINT[]), d MAP(...)),
// into its field names and types.
package dev.s1ql.duckdb;

import java.util.LinkedHashMap;
import java.util.Map;

final class StructTypeParser {

    private StructTypeParser() {
    }

    /** The fields of {@code type}, which starts with {@code STRUCT(}; names unquoted ("" is a quote). */
    static Map<String, String> fields(String type) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = "STRUCT(".length();
        int end = type.lastIndexOf(')');
        while (i < end) {
            while (i < end && (type.charAt(i) == ' ' || type.charAt(i) == ',')) i++;
            if (i >= end) break;
            StringBuilder name = new StringBuilder();
            if (type.charAt(i) == '"') {
                i++;
                while (i < end) {
                    char c = type.charAt(i++);
                    if (c == '"') {
                        if (i < end && type.charAt(i) == '"') {
                            name.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        name.append(c);
                    }
                }
            } else {
                while (i < end && type.charAt(i) != ' ') name.append(type.charAt(i++));
            }
            while (i < end && type.charAt(i) == ' ') i++;
            int start = i;
            int depth = 0;
            boolean quoted = false;
            for (; i < end; i++) {
                char c = type.charAt(i);
                if (c == '"') quoted = !quoted;
                else if (!quoted && (c == '(' || c == '[')) depth++;
                else if (!quoted && (c == ')' || c == ']')) depth--;
                else if (!quoted && c == ',' && depth == 0) break;
            }
            out.put(name.toString(), type.substring(start, i).trim());
        }
        return out;
    }
}
