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

    /** Every migratable corpus query, as 1.0 in one pack and as its 2.0 migration in another, same order. */
    record Packs(RulePack v1, RulePack v2, List<String> ids) {
    }

    static Packs packs() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RulePack v1 = new RulePack(EvalOptions.defaults());
        RulePack v2 = new RulePack(EvalOptions.defaults());
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("corpus/sigma_s1.jsonl"))) {
            var j = json.readTree(line);
            ParseResult r1 = new S1qlParser().parse(j.get("s1ql").asText());
            S1ql2Writer.Result w = S1ql2Writer.write(r1.query());
            assertTrue(w.text() != null, () -> "every valid query migrates: " + w.diagnostics());
            ParseResult r2 = new S1ql2Parser().parse(w.text());
            assertTrue(r2.ok(), w.text());
            v1.add(r1.query());
            v2.add(r2.query());
            ids.add(j.get("id").asText());
        }
        v1.finish();
        v2.finish();
        // every corpus query, the 5 with fields that have no known 2.0 name too (written unchanged, with a warning)
        assertEquals(1735, ids.size());
        return new Packs(v1, v2, ids);
    }

    /** Rules whose match sets differ, and the number of 1.0 matches; asserts both sides agree. */
    static long assertSameMatches(Packs p, List<BitSet> m1, List<BitSet> m2) {
        List<String> differences = new ArrayList<>();
        long matches = 0;
        for (int r = 0; r < p.ids().size(); r++) {
            matches += m1.get(r).cardinality();
            if (!m1.get(r).equals(m2.get(r))) {
                differences.add(p.ids().get(r) + ": 1.0 matched " + m1.get(r).cardinality() + ", 2.0 matched "
                        + m2.get(r).cardinality());
            }
        }
        assertTrue(differences.isEmpty(), () -> differences.size() + " rules differ:\n" + String.join("\n", differences));
        return matches;
    }

    @Test
    void oneDotZeroAndItsMigrationMatchTheSameEvents() throws Exception {
        Path dv = SharedData.require("data/bench/mordor_s1dv.ndjson.gz");
        Path sdl = SharedData.require("data/bench/mordor_sdl.ndjson.gz");
        Packs p = packs();
        long matches = assertSameMatches(p, runLines(p.v1(), head(dv), p.ids().size()), runLines(p.v2(), head(sdl), p.ids().size()));
        System.out.printf("1.0 -> 2.0 -> eval round trip: %d rules, %d events of each shape, %d matches%n",
                p.ids().size(), EVENTS, matches);
        assertTrue(matches > 0, "the sample must exercise some rules");
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
        Packs p = packs();
        long matches = assertSameMatches(p, runLines(p.v1(), v1Events, p.ids().size()),
                runLines(p.v2(), v2Events, p.ids().size()));
        System.out.printf("1.0 -> 2.0 -> eval on shared/data/events (dotted): %d rules, %d events, %d matches%n",
                p.ids().size(), v1Events.size(), matches);
        assertTrue(matches > 100, "the shared events exercise the rules");
    }

    /** The first EVENTS lines of a gzip NDJSON file. */
    private static List<String> head(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while (out.size() < EVENTS && (line = in.readLine()) != null) out.add(line);
        }
        return out;
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
}
