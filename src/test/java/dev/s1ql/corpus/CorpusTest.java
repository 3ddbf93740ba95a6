// The real-world corpora in ../shared: every query validates without error, and fmt round-trips to the same AST.
package dev.s1ql.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.SharedData;
import dev.s1ql.check.CheckOptions;
import dev.s1ql.check.Validator;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.render.S1qlFormatter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> read(Path p) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(p)) if (!l.isBlank()) out.add(JSON.readTree(l));
        return out;
    }

    @Test
    void sigmaCorpusValidatesAndRoundTrips() throws IOException {
        List<JsonNode> rules = read(SharedData.require("corpus/sigma_s1.jsonl"));
        assertEquals(1735, rules.size());
        List<String> failures = checkAll(rules.stream().map(r -> r.get("id").asText() + " " + r.get("title").asText())
                .toList(), rules.stream().map(r -> r.get("s1ql").asText()).toList());
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void officialHuntingQueriesValidateAndRoundTrip() throws IOException {
        List<JsonNode> pairs = read(SharedData.require("corpus/s1_official_pairs.jsonl"));
        List<String> failures = checkAll(pairs.stream().map(r -> r.get("title").asText()).toList(),
                pairs.stream().map(r -> r.get("s1ql_1_0").asText()).toList());
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    /** Validation without error, fmt re-parses to the same normalised AST, and fmt is idempotent. */
    private static List<String> checkAll(List<String> names, List<String> queries) {
        Validator validator = new Validator(CheckOptions.DEFAULTS);
        S1qlParser parser = new S1qlParser();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Validator.Result r = validator.validate(queries.get(i));
            if (!r.valid()) {
                failures.add(names.get(i) + ": " + r.diagnostics());
                continue;
            }
            String formatted = S1qlFormatter.format(r.query());
            ParseResult again = parser.parse(formatted);
            if (!again.ok() || !again.query().root().normalized().equals(r.query().root().normalized())) {
                failures.add(names.get(i) + ": fmt output does not parse back to the same AST: " + formatted);
            } else if (!S1qlFormatter.format(again.query()).equals(formatted)) {
                failures.add(names.get(i) + ": fmt is not idempotent");
            }
        }
        return failures;
    }
}
