// Many clients at once must not corrupt shared state (translators' mapping data, catalogs, caches): eight
// threads send the spec queries to every target, validate and eval them, in shuffled orders, and every answer
// must equal the one the same request got alone.
package dev.s1ql.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s1ql.eval.EvalSpecFile;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServeConcurrencyTest {

    record Call(String path, Map<String, Object> body) {
    }

    @Test
    void concurrentAnswersEqualSequentialOnes() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (EvalSpecFile s : ServeCliEqualityTest.specs()) {
            calls.add(new Call("/api/validate", Map.of("query", s.query())));
            calls.add(new Call("/api/eval", Map.of("query", s.query(), "events", String.join("\n", s.events()), "explain", true)));
            for (String target : Translators.targets()) {
                for (String profile : Translators.forTarget(target).profiles()) {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("query", s.query());
                    b.put("to", target);
                    b.put("profile", profile);
                    calls.add(new Call("/api/translate", b));
                }
            }
        }
        try (ServeClient client = new ServeClient()) {
            List<JsonNode> alone = new ArrayList<>();
            for (Call c : calls) alone.add(client.call(c.path(), c.body()));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    long seed = t;
                    done.add(pool.submit(() -> {
                        List<Integer> order = new ArrayList<>();
                        for (int i = 0; i < calls.size(); i++) order.add(i);
                        Collections.shuffle(order, new Random(seed));
                        for (int i : order.subList(0, order.size() / 4)) {
                            assertEquals(alone.get(i), client.call(calls.get(i).path(), calls.get(i).body()),
                                    calls.get(i).toString());
                        }
                        return order.size() / 4;
                    }));
                }
                int total = 0;
                for (Future<Integer> f : done) total += f.get();
                assertEquals(8 * (calls.size() / 4), total);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
