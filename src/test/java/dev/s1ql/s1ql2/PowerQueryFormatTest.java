// fmt for PowerQuery pipelines: the canonical text of every stage parses back to the same AST (typed stages and
// their expressions compared node by node), and is a fixed point of fmt. Cases: src/test/resources/fmt/powerquery.pq.
package dev.s1ql.s1ql2;

import dev.s1ql.ast.Query;
import dev.s1ql.ast.Stage;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1ql2Parser;
import dev.s1ql.render.S1ql2Writer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerQueryFormatTest {

    private static final Path CASES = Path.of("src/test/resources/fmt/powerquery.pq");

    @TestFactory
    Stream<DynamicTest> pipelinesRoundTripThroughFmt() throws Exception {
        List<String> queries = Files.readAllLines(CASES).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertTrue(queries.size() >= 20, "round-trip cases in " + CASES);
        return queries.stream().map(q -> DynamicTest.dynamicTest(q, () -> {
            ParseResult r = new S1ql2Parser().parse(q);
            assertTrue(r.query() != null, () -> "does not parse: " + r.diagnostics());
            String text = S1ql2Writer.write(r.query()).text();
            assertNotNull(text, q);
            ParseResult again = new S1ql2Parser().parse(text);
            assertTrue(again.query() != null, () -> "fmt output does not parse: " + text + " " + again.diagnostics());
            assertEquals(normalized(r.query()), normalized(again.query()), text);
            assertEquals(text, S1ql2Writer.write(again.query()).text(), "fmt is not a fixed point");
        }));
    }

    static List<Object> normalized(Query q) {
        return List.of(q.root() == null ? "no filter" : q.root().normalized(),
                q.pipeline().stream().map(Stage::normalized).toList());
    }
}
