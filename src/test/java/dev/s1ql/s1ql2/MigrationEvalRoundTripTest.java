// Round trip through evaluation: every corpus query in 1.0, evaluated over Deep Visibility events, matches the
// same events as its 2.0 migration evaluated over the same events in Data Lake shape (nested dotted names).
// The two bench files in ../shared/data/bench hold the same events in the same order, one per shape.
package dev.s1ql.s1ql2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
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


    @Test
    void sameOnTheSharedEventsConvertedToDottedNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> v1Events = new ArrayList<>();
        v1Events.addAll(Files.readAllLines(SharedData.require("data/events/dv_mordor_sample.ndjson")));
        v1Events.addAll(Files.readAllLines(SharedData.require("data/events/dv_sigma_regression.ndjson")));
        v1Events.removeIf(String::isBlank);
        List<String> v2Events = new ArrayList<>();
        for (String e : v1Events) v2Events.add(json.writeValueAsString(toDotted(json, (ObjectNode) json.readTree(e))));
        RulePack v1 = new RulePack(EvalOptions.defaults());
        RulePack v2 = new RulePack(EvalOptions.defaults());
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("corpus/sigma_s1.jsonl"))) {
            var j = json.readTree(line);
            ParseResult r1 = new S1qlParser().parse(j.get("s1ql").asText());
            S1ql2Writer.Result w = S1ql2Writer.write(r1.query());
            if (w.text() == null) continue;
            v1.add(r1.query());
            v2.add(new S1ql2Parser().parse(w.text()).query());
            ids.add(j.get("id").asText());
        }
        v1.finish();
        v2.finish();
        List<BitSet> m1 = runLines(v1, v1Events, ids.size());
        List<BitSet> m2 = runLines(v2, v2Events, ids.size());
        List<String> differences = new ArrayList<>();
        long matches = 0;
        for (int r = 0; r < ids.size(); r++) {
            matches += m1.get(r).cardinality();
            if (!m1.get(r).equals(m2.get(r))) differences.add(ids.get(r));
        }
        System.out.printf("1.0 -> 2.0 -> eval on shared/data/events (dotted): %d rules, %d events, %d matches%n",
                ids.size(), v1Events.size(), matches);
        assertTrue(matches > 100, "the shared events exercise the rules");
        assertTrue(differences.isEmpty(), () -> differences.size() + " rules differ: " + differences);
    }

    /** A Deep Visibility event in Data Lake shape: each 1.0 key moved to its 2.0 path, nested. */
    static ObjectNode toDotted(ObjectMapper json, ObjectNode v1) {
        ObjectNode out = json.createObjectNode();
        v1.fields().forEachRemaining(e -> {
            FieldInfo f = FieldCatalog.defaults().lookup(e.getKey());
            String path = f == null || f.s1ql2().isEmpty() || f.s1ql2().startsWith("#") ? null : f.s1ql2();
            if (path == null) {
                out.set(e.getKey(), e.getValue());
                return;
            }
            String[] parts = path.split("\\.");
            ObjectNode node = out;
            for (int i = 0; i < parts.length - 1 && node != null; i++) {
                JsonNode next = node.get(parts[i]);
                if (next == null) next = node.putObject(parts[i]);
                node = next.isObject() ? (ObjectNode) next : null;
            }
            if (node != null && !node.has(parts[parts.length - 1])) node.set(parts[parts.length - 1], e.getValue());
            else out.set(path, e.getValue()); // a path clash: keep it as a flat dotted key
        });
        return out;
    }

    private static List<BitSet> runLines(RulePack pack, List<String> events, int rules) throws Exception {
        List<BitSet> out = new ArrayList<>();
        for (int i = 0; i < rules; i++) out.add(new BitSet());
        for (int n = 0; n < events.size(); n++) {
            final int event = n;
            pack.evaluate(RawEvent.of("events", n + 1, events.get(n).getBytes(StandardCharsets.UTF_8)),
                    (rule, e) -> out.get(rule).set(event));
        }
        return out;
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
