// Round trip through evaluation: every corpus query in 1.0, evaluated over Deep Visibility events, matches the
// same events as its 2.0 migration evaluated over the same events in Data Lake shape (nested dotted names).
// The two bench files in ../shared/data/bench hold the same events in the same order, one per shape.
package dev.s1ql.s1ql2;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.SharedData;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.RulePack;
import dev.s1ql.events.RawEvent;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1ql2Parser;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.render.S1ql2Writer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationEvalRoundTripTest {

    /** Events read from the start of each bench file: enough for every event family, quick in a unit test. */
    static final int EVENTS = 120_000;

    @Test
    void oneDotZeroAndItsMigrationMatchTheSameEvents() throws Exception {
        Path dv = SharedData.require("data/bench/mordor_s1dv.ndjson.gz");
        Path sdl = SharedData.require("data/bench/mordor_sdl.ndjson.gz");
        ObjectMapper json = new ObjectMapper();
        RulePack v1 = new RulePack(EvalOptions.defaults());
        RulePack v2 = new RulePack(EvalOptions.defaults());
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("corpus/sigma_s1.jsonl"))) {
            var j = json.readTree(line);
            ParseResult r1 = new S1qlParser().parse(j.get("s1ql").asText());
            S1ql2Writer.Result w = S1ql2Writer.write(r1.query());
            if (w.text() == null) continue; // the 5 queries with fields that have no 2.0 name
            ParseResult r2 = new S1ql2Parser().parse(w.text());
            assertTrue(r2.ok(), w.text());
            v1.add(r1.query());
            v2.add(r2.query());
            ids.add(j.get("id").asText());
        }
        v1.finish();
        v2.finish();
        List<BitSet> m1 = run(v1, dv, ids.size());
        List<BitSet> m2 = run(v2, sdl, ids.size());
        List<String> differences = new ArrayList<>();
        long matches = 0;
        for (int r = 0; r < ids.size(); r++) {
            matches += m1.get(r).cardinality();
            if (!m1.get(r).equals(m2.get(r))) {
                differences.add(ids.get(r) + ": 1.0 matched " + m1.get(r).cardinality() + ", 2.0 matched "
                        + m2.get(r).cardinality());
            }
        }
        System.out.printf("1.0 -> 2.0 -> eval round trip: %d rules, %d events of each shape, %d matches%n", ids.size(), EVENTS, matches);
        assertEquals(1730, ids.size());
        assertTrue(matches > 0, "the sample must exercise some rules");
        assertTrue(differences.isEmpty(), () -> differences.size() + " rules differ:\n" + String.join("\n", differences));
    }


    private static List<BitSet> run(RulePack pack, Path file, int rules) throws Exception {
        List<BitSet> out = new ArrayList<>();
        for (int i = 0; i < rules; i++) out.add(new BitSet());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while (n < EVENTS && (line = in.readLine()) != null) {
                final int event = n++;
                pack.evaluate(RawEvent.of(file.toString(), event + 1, line.getBytes(StandardCharsets.UTF_8)),
                        (rule, e) -> out.get(rule).set(event));
            }
        }
        return out;
    }
}
