// The optimised rule pack (shared leaves, automata, indexes, prefilter) against the naive reference interpreter.
package dev.s1ql.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.ast.Query;
import dev.s1ql.events.RawEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * All 1,735 corpus queries in one pack over the shared Mordor sample and Sigma regression events: every
 * (rule, event) verdict must equal the reference interpreter's. Needs ../shared; skipped without it.
 */
class RulePackDifferentialTest {

    private static final Path SHARED = Path.of("../shared");

    @Test
    void packAgreesWithReferenceInterpreterOnEveryRuleAndEvent() throws Exception {
        List<Query> queries = dev.s1ql.SharedData.corpusQueries();
        ObjectMapper json = new ObjectMapper();
        RulePack pack = new RulePack(EvalOptions.defaults());
        queries.forEach(pack::add);
        pack.finish();

        List<String> events = new ArrayList<>();
        events.addAll(Files.readAllLines(SHARED.resolve("data/events/dv_mordor_sample.ndjson")));
        events.addAll(Files.readAllLines(SHARED.resolve("data/events/dv_sigma_regression.ndjson")));
        events.removeIf(String::isBlank);
        // Twice: forwards, then backwards, so that values come back after others (RecentScans answers them).
        List<boolean[]> forwards = new ArrayList<>();
        List<boolean[]> backwards = new ArrayList<>();
        for (String line : events) forwards.add(evaluate(pack, line, queries.size()));
        for (int i = events.size() - 1; i >= 0; i--) backwards.add(0, evaluate(pack, events.get(i), queries.size()));
        List<String> differences = new ArrayList<>();
        long matches = 0;
        for (int i = 0; i < events.size(); i++) {
            String line = events.get(i);
            boolean[] fast = forwards.get(i);
            JsonNode event = json.readTree(line);
            var keys = ReferenceEvaluator.keys(event);
            for (int r = 0; r < queries.size(); r++) {
                boolean slow = ReferenceEvaluator.eval(queries.get(r).root(), event, keys);
                if (fast[r]) matches++;
                if ((slow != fast[r] || slow != backwards.get(i)[r]) && differences.size() < 20) {
                    differences.add("rule " + r + " pack=" + fast[r] + " (backwards " + backwards.get(i)[r] + ") reference="
                            + slow + " on " + line);
                }
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(matches > 100, "too few matches to mean anything: " + matches);
    }

    private static boolean[] evaluate(RulePack pack, String line, int rules) throws Exception {
        boolean[] fast = new boolean[rules];
        pack.evaluate(RawEvent.of("e", 1, line.getBytes(StandardCharsets.UTF_8)), (r, e) -> fast[r] = true);
        return fast;
    }
}
