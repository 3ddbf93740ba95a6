// The 2.0 front end over real 2.0 text: SentinelOne's own translations all parse; pySigma's PowerQuery
// renderings parse except for the listed pySigma quoting bugs.
package dev.s1ql.s1ql2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.SharedData;
import dev.s1ql.ast.Dialect;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1ql2Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S1ql2CorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void officialTranslationsParse() throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(SharedData.require("corpus/s1_official_pairs.jsonl"))) {
            JsonNode j = JSON.readTree(line);
            if (j.get("s1ql_2_0_official_translation").isNull()) continue;
            ParseResult r = new S1ql2Parser().parse(j.get("s1ql_2_0_official_translation").asText());
            assertTrue(r.ok(), () -> j.get("title") + ": " + r.diagnostics());
            assertEquals(Dialect.S1QL_2, r.query().dialect());
            n++;
        }
        assertEquals(13, n, "official translations in the shared corpus");
    }

    @Test
    void pySigmaPowerQueryRenderingsParse() throws IOException {
        int total = 0;
        List<String> failed = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("corpus/sigma_s1.jsonl"))) {
            JsonNode j = JSON.readTree(line);
            if (j.get("s1pq").isNull()) continue;
            total++;
            ParseResult r = new S1ql2Parser().parse(j.get("s1pq").asText());
            if (!r.ok()) failed.add(j.get("id").asText() + " " + r.diagnostics().get(0).message());
        }
        assertEquals(1727, total);
        // 6 failures, all pySigma quoting bugs (unescaped quotes or a trailing escaped backslash in regexes)
        assertEquals(6, failed.size(), () -> String.join("\n", failed));
        for (String f : failed) {
            assertTrue(f.contains("unterminated string") || f.contains("expected ')'") || f.contains("unexpected character")
                    || f.contains("found '?'"), f);
        }
    }
}
