// PowerQuery's functions (resource pq-functions.tsv) and the names it does not have (pq-not-functions.tsv): kind,
// argument counts and whether s1ql evaluates each, for the checker, the evaluator and the translators.
package dev.s1ql.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public final class PqFunctions {

    /** Where a function may stand. */
    public enum Kind {
        /** Per row: let, columns, filter, sort, group keys, arguments of aggregates. */
        SCALAR,
        /** Inside group and top: many rows to one value. */
        AGGREGATE,
        /** Per row over the whole result ({@code percent_of_total}): let, columns, filter, sort. */
        OVERALL
    }

    /**
     * @param maxArgs   -1 for any number
     * @param evaluated whether {@code s1ql eval} computes it
     */
    public record Function(String name, Kind kind, int minArgs, int maxArgs, boolean evaluated, String source) {
        public boolean takes(int args) {
            return args >= minArgs && (maxArgs < 0 || args <= maxArgs);
        }
    }

    /** A name PowerQuery does not have, and what to write instead. */
    public record Missing(String name, String instead, String source) {
    }

    private static final PqFunctions DEFAULT = new PqFunctions();

    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final Map<String, Missing> missing = new LinkedHashMap<>();

    private PqFunctions() {
        for (Map<String, String> r : TsvTable.resource("/dev/s1ql/catalog/pq-functions.tsv")) {
            Function f = new Function(r.get("name"), Kind.valueOf(r.get("kind").toUpperCase(Locale.ROOT)),
                    Integer.parseInt(r.get("min_args")), Integer.parseInt(r.get("max_args")),
                    "yes".equals(r.get("evaluated")), r.get("source"));
            functions.put(f.name(), f);
        }
        for (Map<String, String> r : TsvTable.resource("/dev/s1ql/catalog/pq-not-functions.tsv")) {
            missing.put(r.get("name"), new Missing(r.get("name"), r.get("instead"), r.get("source")));
        }
    }

    public static PqFunctions defaults() {
        return DEFAULT;
    }

    /** The function of that name (any case), or null. */
    public Function lookup(String name) {
        return functions.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code name} is an aggregate (count, sum, p95, ...). min and max are aggregates with one argument. */
    public boolean isAggregate(String name, int args) {
        Function f = lookup(name);
        if (f == null || f.kind() != Kind.AGGREGATE) return false;
        String n = f.name();
        return !((n.equals("min") || n.equals("max")) && args == 2);
    }

    /** A name PowerQuery does not have (percentile, coalesce, if, ...), or null. */
    public Missing missing(String name) {
        return missing.get(name.toLowerCase(Locale.ROOT));
    }

    /** Up to {@code max} known function names close to {@code name} (a known name it starts with counts too). */
    public List<String> suggest(String name, int max) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> close = Suggestions.closest(lower, List.copyOf(functions.keySet()), max);
        if (!close.isEmpty()) return close;
        String best = null;
        for (String f : functions.keySet()) {
            if (f.length() >= 3 && lower.startsWith(f) && (best == null || f.length() > best.length())) best = f;
        }
        return best == null ? List.of() : List.of(best);
    }

    public List<Function> all() {
        return List.copyOf(functions.values());
    }
}
