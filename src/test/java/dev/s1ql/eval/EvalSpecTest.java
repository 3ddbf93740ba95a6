// Runs every evaluation spec file under src/test/resources/spec/eval: adding a case is adding a file.
package dev.s1ql.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.events.NdjsonReader;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.QueryReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class EvalSpecTest {

    private static final Path SPECS = Path.of("src/test/resources/spec/eval");

    @TestFactory
    Stream<DynamicTest> specFiles() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SPECS)) {
            files = s.filter(p -> p.toString().endsWith(".spec")).sorted().toList();
        }
        assertTrue(files.size() > 0, "no spec files in " + SPECS);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(EvalSpecFile.read(f))));
    }

    static List<String> matchingIds(String query, EvalOptions options, List<String> events) throws Exception {
        ParseResult parsed = new QueryReader().read(query, DialectChoice.AUTO);
        assertTrue(parsed.ok(), "query does not parse: " + query + " " + parsed.diagnostics());
        RulePack pack = new RulePack(options);
        pack.add(parsed.query());
        pack.finish();
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        byte[] input = String.join("\n", events).getBytes(StandardCharsets.UTF_8);
        new NdjsonReader().read(new ByteArrayInputStream(input), "spec", new CollectingSink(pack, json, ids, bad));
        assertEquals(List.of(), bad, "malformed events in spec");
        return ids;
    }

    private static void run(EvalSpecFile spec) throws Exception {
        List<String> ids = matchingIds(spec.query(), spec.options(), spec.events());
        assertEquals(spec.expected(), ids, () -> spec.name() + ": " + spec.query());
    }
}
