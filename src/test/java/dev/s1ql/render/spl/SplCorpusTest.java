// The SPL translator over the whole Sigma corpus (../shared/corpus/sigma_s1.jsonl, 1,735 S1QL 1.0 queries):
// every emitted query passes the structural check, and the share that translates to sysmon without an error
// does not fall below what was measured (see docs/spl.md for the numbers and the causes of the rest).
package dev.s1ql.render.spl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.SharedData;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplCorpusTest {

    /** Measured floors: sysmon cannot go higher by much, as 76 rules are for macOS (no Sysmon there). */
    private static final Map<String, Integer> MIN_OK = Map.of("sysmon", 1642, "cim", 1592, "s1", 1735);

    @Test
    void everyEmittedQueryIsWellFormedAndCoverageHolds() throws Exception {
        Path corpus = SharedData.require("corpus/sigma_s1.jsonl");
        ObjectMapper json = new ObjectMapper();
        S1qlParser parser = new S1qlParser();
        SplTranslator spl = new SplTranslator();
        List<String> lines = Files.readAllLines(corpus);
        assertEquals(1735, lines.size());
        Map<String, Integer> ok = new TreeMap<>();
        List<String> malformed = new ArrayList<>();
        for (String line : lines) {
            JsonNode rule = json.readTree(line);
            ParseResult pr = parser.parse(rule.get("s1ql").asText());
            assertTrue(pr.ok(), () -> rule.get("id") + " " + pr.diagnostics());
            for (String profile : spl.profiles()) {
                Translation t = spl.translate(pr.query(), new TranslationOptions(profile, null, false));
                if (!t.ok()) continue;
                ok.merge(profile, 1, Integer::sum);
                List<String> problems = SplStructure.check(t.output());
                if (!problems.isEmpty()) malformed.add(profile + " " + rule.get("id").asText() + ": " + problems);
            }
        }
        assertTrue(malformed.isEmpty(), () -> malformed.size() + " malformed, e.g. " + malformed.get(0));
        System.out.println("SPL corpus: translated without error " + ok + " of " + lines.size());
        MIN_OK.forEach((profile, min) -> assertTrue(ok.getOrDefault(profile, 0) >= min,
                () -> profile + ": " + ok.get(profile) + " < " + min));
    }
}
