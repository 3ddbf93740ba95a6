// SentinelOne's own 2.0 translations (the Hunter Index "skylight" field), prefix `i.scheme='edr' and
// meta.event.name in (...)` left in: each validates without a single diagnostic, and evaluates to the same
// matches as its 1.0 original over ../shared/data/events, in Deep Visibility shape and in Data Lake shape. The
// shared events hold none of these IOCs, so hand-written witnesses (official-pairs/witnesses.ndjson: events
// without meta.event.name and i.scheme, one in flat Cloud Funnel shape with them) are evaluated too.
package dev.s1ql.s1ql2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.SharedData;
import dev.s1ql.check.CheckOptions;
import dev.s1ql.check.Validator;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.RulePack;
import dev.s1ql.events.RawEvent;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfficialTranslationsEvalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The pairs that have an official translation: 1.0 text, 2.0 text, title. */
    record Pair(String v1, String v2, String title) {
    }

    static List<Pair> pairs() throws Exception {
        List<Pair> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("corpus/s1_official_pairs.jsonl"))) {
            JsonNode j = JSON.readTree(line);
            if (j.path("s1ql_2_0_official_translation").isTextual()) {
                out.add(new Pair(j.get("s1ql_1_0").asText(), j.get("s1ql_2_0_official_translation").asText(),
                        j.get("title").asText()));
            }
        }
        return out;
    }

    @Test
    void everyOfficialTranslationValidatesWithoutAnyDiagnostic() throws Exception {
        List<Pair> pairs = pairs();
        assertEquals(13, pairs.size());
        List<String> problems = new ArrayList<>();
        for (Pair p : pairs) {
            Validator.Result r = new Validator(CheckOptions.DEFAULTS).validate(p.v2());
            if (!r.valid() || !r.diagnostics().isEmpty()) problems.add(p.title() + ": " + r.diagnostics());
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void everyOfficialTranslationMatchesWhatItsOriginalMatches() throws Exception {
        List<Pair> pairs = pairs();
        List<String> events = sharedEvents();
        List<String> witnesses = Files.readAllLines(Path.of("src/test/resources/official-pairs/witnesses.ndjson"));
        events.addAll(witnesses);
        List<String> dotted = new ArrayList<>();
        for (String e : events) dotted.add(JSON.writeValueAsString(MigrationEvalRoundTripTest.toDotted(JSON, (ObjectNode) JSON.readTree(e))));
        // 1.0 RegExp read case-insensitively, as SentinelOne's converter does by writing plain `matches`.
        RulePack v1 = new RulePack(EvalOptions.defaults().withRegexCaseInsensitive(true));
        RulePack v2 = new RulePack(EvalOptions.defaults());
        QueryReader reader = new QueryReader();
        for (Pair p : pairs) {
            ParseResult r1 = reader.read(p.v1(), DialectChoice.S1QL_1);
            ParseResult r2 = reader.read(p.v2(), DialectChoice.AUTO);
            assertTrue(r1.ok() && r2.ok(), p.title());
            v1.add(r1.query());
            v2.add(r2.query());
        }
        v1.finish();
        v2.finish();
        List<BitSet> m1 = run(v1, events, pairs.size());
        List<BitSet> m2 = run(v2, events, pairs.size());
        List<BitSet> m2dotted = run(v2, dotted, pairs.size());
        List<String> differences = new ArrayList<>();
        long matches = 0;
        for (int i = 0; i < pairs.size(); i++) {
            matches += m1.get(i).cardinality();
            if (!m1.get(i).equals(m2.get(i)) || !m1.get(i).equals(m2dotted.get(i))) {
                differences.add(pairs.get(i).title() + ": 1.0 " + m1.get(i).cardinality() + ", 2.0 "
                        + m2.get(i).cardinality() + ", 2.0 on dotted events " + m2dotted.get(i).cardinality());
            }
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
        // Each witness named hit-* is matched (by some pair), each miss-* by none.
        int first = events.size() - witnesses.size();
        for (int n = first; n < events.size(); n++) {
            String id = JSON.readTree(events.get(n)).get("id").asText();
            boolean hit = false;
            for (BitSet m : m2) hit |= m.get(n);
            assertEquals(id.startsWith("hit-"), hit, id);
        }
        System.out.printf("official 2.0 translations: %d of %d match as their 1.0 originals on %d events "
                + "(%d matches)%n", pairs.size(), pairs.size(), events.size(), matches);
        assertTrue(matches > 0, "the shared events must exercise some of the pairs");
    }

    /** The S1-shaped events of ../shared/data/events (not the Sysmon twins, which are Sysmon records). */
    static List<String> sharedEvents() throws Exception {
        Path dir = SharedData.require("data/events");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ndjson") && !p.toString().contains("sysmon_twins"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) if (!line.isBlank()) out.add(line);
            }
        }
        return out;
    }

    private static List<BitSet> run(RulePack pack, List<String> events, int rules) throws Exception {
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
