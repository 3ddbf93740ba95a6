// Runs every PowerQuery spec file (src/test/resources/spec/pipeline) on the built-in engine: the leading filters
// as the event filter, the other stages through PipelineRun, the rows compared with the file's rows:.
package dev.s1ql.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.Query;
import dev.s1ql.eval.pipeline.PipelineRun;
import dev.s1ql.events.RawEvent;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class PipelineSpecTest {

    public static final Path SPECS = Path.of("src/test/resources/spec/pipeline");

    public static List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(SPECS)) {
            return s.filter(p -> p.toString().endsWith(".spec")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> pipelineSpecsOnTheBuiltInEngine() throws Exception {
        List<Path> files = files();
        assertTrue(files.size() >= 40, "pipeline spec files in " + SPECS + ": " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            EvalSpecFile spec = EvalSpecFile.read(f);
            assertTrue(spec.hasRows(), "a pipeline spec ends with rows:");
            List<ObjectNode> rows = run(spec.query(), spec.options(), spec.events());
            List<java.util.Map<String, Object>> actual = new ArrayList<>();
            for (ObjectNode r : rows) actual.add(SpecRows.canonical(r));
            assertNull(SpecRows.difference(SpecRows.parse(spec.rows()), actual, spec.ordered()), spec.query());
        }));
    }

    /** The rows the built-in engine gives: what `s1ql eval` prints under "row" (matching events when no stage). */
    public static List<ObjectNode> run(String query, EvalOptions options, List<String> events) throws Exception {
        ParseResult parsed = new QueryReader().read(query, DialectChoice.AUTO);
        assertTrue(parsed.ok(), () -> "query does not parse: " + query + " " + parsed.diagnostics());
        Query q = parsed.query();
        PipelineFilter.Folded folded = PipelineFilter.fold(q);
        RulePack pack = new RulePack(options);
        pack.add(folded.query() != null ? folded.query() : PipelineFilter.everyEvent(q));
        pack.finish();
        PipelineRun run = new PipelineRun(folded.outputStages(), q.dialect(), options);
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            pack.evaluate(RawEvent.of("spec", i + 1, events.get(i).getBytes(StandardCharsets.UTF_8)),
                    (rule, e) -> run.accept(e, rows::add));
        }
        run.finish(rows::add);
        return rows;
    }
}
