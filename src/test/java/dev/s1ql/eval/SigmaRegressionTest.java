// Evaluates the corpus's converted Sigma rules over SigmaHQ's regression events and compares with Sigma's counts.
package dev.s1ql.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.catalog.TsvTable;
import dev.s1ql.events.RawEvent;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For the 71 rules of {@code sigma_regression_manifest.tsv} that are in {@code corpus/sigma_s1.jsonl}: the rule's
 * {@code s1ql} over the events whose {@code sourceFile} is {@code <rule id>.json} should match {@code match_count}
 * events. Where it does not, {@code regression/sigma-disagreements.tsv} must list the rule with the count s1ql
 * gives and the reason (a lossy conversion, not an evaluator bug). Needs {@code ../shared}; skipped without it.
 */
class SigmaRegressionTest {

    private static final Path SHARED = Path.of("../shared");
    private static final Path EVENTS = SHARED.resolve("data/events");

    record Outcome(String id, String title, int expected, int got) {
    }

    @Test
    void convertedRulesAgreeWithSigmaOrHaveAWrittenReason() throws Exception {
        assumeTrue(Files.isDirectory(EVENTS) && Files.exists(SHARED.resolve("corpus/sigma_s1.jsonl")),
                "../shared (data/events, corpus) is absent: the Sigma regression comparison needs it (CI has it)");
        List<Outcome> outcomes = evaluateAll();
        assertEquals(71, outcomes.size(), "rules of the manifest found in the corpus");

        Map<String, Map<String, String>> listed = new LinkedHashMap<>();
        for (Map<String, String> row : TsvTable.read(getClass().getResourceAsStream("/regression/sigma-disagreements.tsv"),
                "sigma-disagreements.tsv")) {
            listed.put(row.get("rule_id"), row);
        }
        List<String> problems = new ArrayList<>();
        int agreed = 0;
        for (Outcome o : outcomes) {
            Map<String, String> known = listed.remove(o.id());
            if (o.got() == o.expected()) {
                agreed++;
                if (known != null) problems.add(o.id() + " now agrees (" + o.got() + "): remove it from the list");
            } else if (known == null) {
                problems.add(o.id() + " " + o.title() + ": expected " + o.expected() + ", got " + o.got()
                        + " and no reason is written down");
            } else if (Integer.parseInt(known.get("got")) != o.got()) {
                problems.add(o.id() + ": listed as giving " + known.get("got") + ", now gives " + o.got());
            } else {
                assertTrue(known.get("reason").length() > 20, "reason for " + o.id() + " is too short");
            }
        }
        listed.keySet().forEach(id -> problems.add(id + " is listed but is not one of the 71 rules"));
        System.out.printf("Sigma regression: %d of %d rules agree (%.1f%%)%n", agreed, outcomes.size(),
                100.0 * agreed / outcomes.size());
        assertEquals(List.of(), problems);
    }

    /** Each manifest rule in the corpus with its expected and actual match counts. */
    static List<Outcome> evaluateAll() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (Map<String, String> row : TsvTable.read(Files.newInputStream(EVENTS.resolve("sigma_regression_manifest.tsv")),
                "manifest")) {
            expected.put(row.get("rule_id"), Integer.parseInt(row.get("match_count")));
        }
        Map<String, List<String>> eventsByRule = new LinkedHashMap<>();
        for (String line : Files.readAllLines(EVENTS.resolve("dv_sigma_regression.ndjson"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            String file = json.readTree(line).path("sourceFile").asText();
            eventsByRule.computeIfAbsent(file.replaceFirst("\\.json$", ""), k -> new ArrayList<>()).add(line);
        }
        List<Outcome> out = new ArrayList<>();
        S1qlParser parser = new S1qlParser();
        try (BufferedReader r = Files.newBufferedReader(SHARED.resolve("corpus/sigma_s1.jsonl"))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode rule = json.readTree(line);
                String id = rule.path("id").asText();
                if (!expected.containsKey(id)) continue;
                ParseResult parsed = parser.parse(rule.path("s1ql").asText());
                assertTrue(parsed.ok(), id + " does not parse: " + parsed.diagnostics());
                RulePack pack = new RulePack(EvalOptions.defaults());
                pack.add(parsed.query());
                pack.finish();
                int got = 0;
                for (String event : eventsByRule.getOrDefault(id, List.of())) {
                    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
                    int[] hit = {0};
                    pack.evaluate(RawEvent.of("regression", 1, bytes), (rr, e) -> hit[0]++);
                    got += hit[0];
                }
                out.add(new Outcome(id, rule.path("title").asText(), expected.get(id), got));
            }
        }
        return out;
    }
}
