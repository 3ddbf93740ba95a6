// The spec's lexer/parser edge cases (../shared/spec/s1ql_v1_tricky_cases.tsv): each must parse to the
// canonical form recorded in src/test/resources/parse/tricky-expected.tsv (checked by hand against spec §2.5).
package dev.s1ql.parse;

import dev.s1ql.SharedData;
import dev.s1ql.render.S1qlFormatter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrickyCasesTest {

    @Test
    void everyTrickyCaseParsesToItsExpectedCanonicalForm() throws IOException {
        Path cases = SharedData.require("spec/s1ql_v1_tricky_cases.tsv");
        Map<String, String> expected = new LinkedHashMap<>();
        for (String l : Files.readAllLines(Path.of("src/test/resources/parse/tricky-expected.tsv"))) {
            if (l.startsWith("#") || l.isBlank()) continue;
            String[] c = l.split("\t", 2);
            expected.put(c[0], c[1]);
        }
        List<String> lines = Files.readAllLines(cases);
        assertEquals(19, lines.size());
        for (String l : lines) {
            String[] c = l.split("\t", 2);
            ParseResult r = new S1qlParser().parse(c[1]);
            assertTrue(r.ok(), () -> c[0] + ": " + r.diagnostics());
            assertEquals(expected.get(c[0]), S1qlFormatter.format(r.query()), c[0]);
        }
    }
}
