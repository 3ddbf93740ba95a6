// `s1ql eval --engine duckdb` on PowerQuery pipelines, through the CLI: the same rows as the built-in engine, in the
// same order (group output in key order, a sort's order, the input order before a limit), and with --count the
// number of events the pipeline's filters match.
package dev.s1ql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbPipelineCliTest {

    @TempDir
    Path tmp;

    private static final String EVENTS = String.join("\n",
            "{\"eventType\":\"Process Creation\",\"endpointName\":\"B\",\"srcProcName\":\"cmd.exe\",\"tgtProcPid\":\"10\"}",
            "{\"eventType\":\"Process Creation\",\"endpointName\":\"A\",\"srcProcName\":\"cmd.exe\",\"tgtProcPid\":\"20\"}",
            "{\"event\":{\"type\":\"Process Creation\"},\"endpoint\":{\"name\":\"A\"},\"src\":{\"process\":{\"name\":\"wmic.exe\"}},\"tgt\":{\"process\":{\"pid\":5}}}",
            "{\"eventType\":\"File Creation\",\"endpointName\":\"C\",\"tgtFilePath\":\"C:\\\\x.exe\"}") + "\n";

    private List<String> eval(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("eval", "--no-progress"));
        all.addAll(List.of(args));
        TranslateCommandTest.Run r = TranslateCommandTest.run(all.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return r.out().lines().toList();
    }

    @Test
    void pipelinesGiveTheBuiltInEnginesRows() throws Exception {
        Path events = tmp.resolve("e.ndjson");
        Files.writeString(events, EVENTS);
        for (String q : List.of(
                "event.type = 'Process Creation' | group n = count(), pids = sum(tgt.process.pid), names = array_agg_distinct(src.process.name) by endpoint.name",
                "event.type = 'Process Creation' | let p = tgt.process.pid * 2 | sort -p | columns endpoint.name, p",
                "| group n = count() by event.type | let share = percent_of_total(n)",
                "event.type = 'Process Creation' | limit 2 | columns src.process.name, first = len(src.process.name)",
                "event.type = 'Process Creation' | top 1 total = sum(tgt.process.pid) by endpoint.name",
                "event.type = 'Process Creation' | let x = upper(src.process.name) | limit 1")) {
            List<String> builtin = eval("--events", events.toString(), "-q", q);
            List<String> duck = eval("--engine", "duckdb", "--events", events.toString(), "-q", q);
            assertTrue(!builtin.isEmpty(), q);
            assertEquals(builtin, duck, q);
        }
    }

    @Test
    void countingCountsTheEventsThePipelineFiltersMatch() throws Exception {
        Path events = tmp.resolve("e.ndjson");
        Files.writeString(events, EVENTS);
        String q = "event.type = 'Process Creation' | group n = count() by endpoint.name";
        assertEquals(eval("--count", "--events", events.toString(), "-q", q),
                eval("--engine", "duckdb", "--count", "--events", events.toString(), "-q", q));
        assertTrue(eval("--count", "--events", events.toString(), "-q", q).get(0).contains("3 / 4"));
    }
}
