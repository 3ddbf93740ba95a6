// What a spec target gave back: the result rows (for a filter query, the matching events, each with its "id"), the
// query as the target ran it, and what the conversion of the events to the target's shape could not carry over.
package dev.s1ql.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public record TargetRun(List<Map<String, Object>> rows, String query, String conversionNotes) {

    /** The "id" of each result row, in result order. */
    public List<String> ids() {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : rows) out.add(String.valueOf(r.get("id")));
        return out;
    }
}
