// What each diagnostic code means and what to do about it, from diag/codes.tsv (one row per Code): the rule
// descriptions of SARIF output and of anything else that explains a code.
package dev.s1ql.diag;

import dev.s1ql.catalog.TsvTable;

import java.util.EnumMap;
import java.util.Map;

public final class CodeHelp {

    /** @param summary one sentence; @param help what it means and what to do */
    public record Entry(String summary, String help) {
    }

    static final String RESOURCE = "/dev/s1ql/diag/codes.tsv";

    private static final Map<Code, Entry> ENTRIES = load();

    private CodeHelp() {
    }

    /** The entry for a code; a code without a row (CodeHelpTest forbids that) gets its name as the summary. */
    public static Entry of(Code code) {
        Entry e = ENTRIES.get(code);
        if (e != null) return e;
        String name = code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return new Entry(name, name);
    }

    /** Whether codes.tsv has a row for the code. */
    public static boolean has(Code code) {
        return ENTRIES.containsKey(code);
    }

    /** The code ids that have rows, including ids no Code has (a test checks there are none). */
    static java.util.Set<String> rowIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Map<String, String> row : TsvTable.resource(RESOURCE)) ids.add(row.get("code"));
        return ids;
    }

    private static Map<Code, Entry> load() {
        Map<String, Code> byId = new java.util.HashMap<>();
        for (Code c : Code.values()) byId.put(c.id(), c);
        Map<Code, Entry> m = new EnumMap<>(Code.class);
        for (Map<String, String> row : TsvTable.resource(RESOURCE)) {
            Code c = byId.get(row.get("code"));
            if (c != null) m.put(c, new Entry(row.get("summary"), row.get("help")));
        }
        return m;
    }
}
