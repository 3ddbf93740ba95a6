// Whether an emitted SPL query keeps one event, by the SPL oracle (dev.s1ql.oracle.spl.SplOracle: search terms
// with SPL's precedence, `| where` and the other commands, written from Splunk's documentation). The render tests
// use it to compare, event by event, what an emitted query matches with what the S1QL query means.
package dev.s1ql.render.spl;

import dev.s1ql.oracle.spl.SplOracle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class SplMiniEval {

    private SplMiniEval() {
    }

    /** Whether the query keeps the event (fields as Splunk extracted them; a missing key is a missing field). */
    static boolean matches(String spl, Map<String, String> event) {
        return !SplOracle.run(spl, List.of(new LinkedHashMap<>(event))).isEmpty();
    }
}
