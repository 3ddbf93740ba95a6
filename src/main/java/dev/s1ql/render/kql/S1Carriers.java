// Which kinds of SentinelOne event carry which fields (resource s1-carriers.tsv). A predicate on a field the
// event does not carry is false in S1QL 1.0 (IS EMPTY aside), whatever the target's table looks like.
package dev.s1ql.render.kql;

import dev.s1ql.catalog.TsvTable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

public final class S1Carriers {

    /** field-name prefix (lower case) -> kinds; the longest matching prefix decides. */
    private final Map<String, Set<String>> byPrefix = new LinkedHashMap<>();

    static S1Carriers load(String resource) {
        S1Carriers c = new S1Carriers();
        for (Map<String, String> row : TsvTable.resource(resource)) {
            c.byPrefix.put(row.get("prefix").toLowerCase(Locale.ROOT), Arrays.stream(row.get("kinds").split(","))
                    .map(String::trim).collect(Collectors.toUnmodifiableSet()));
        }
        return c;
    }

    /** Whether events of {@code kind} carry {@code field}; a field no row covers is assumed carried. */
    public boolean carries(String field, String kind) {
        String f = field.toLowerCase(Locale.ROOT);
        String best = null;
        for (String prefix : byPrefix.keySet()) {
            if (f.startsWith(prefix) && (best == null || prefix.length() > best.length())) best = prefix;
        }
        if (best == null) return true;
        Set<String> kinds = byPrefix.get(best);
        return kinds.contains("*") || kinds.contains(kind);
    }
}
