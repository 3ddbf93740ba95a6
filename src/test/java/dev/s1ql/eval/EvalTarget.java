// The built-in evaluator as a spec target: a rule pack with the spec's evaluation options over its events; for a
// pipeline case, the leading filters as the event filter and the other stages through PipelineRun, as `s1ql eval`.
package dev.s1ql.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.Query;
import dev.s1ql.eval.pipeline.PipelineRun;
import dev.s1ql.events.RawEvent;
import dev.s1ql.events.NdjsonReader;
import dev.s1ql.oracle.SpecTarget;
import dev.s1ql.oracle.TargetRun;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class EvalTarget implements SpecTarget {

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public TargetRun run(EvalSpecFile spec) throws Exception {
        if (spec.hasRows()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ObjectNode r : pipelineRows(spec.query(), spec.options(), spec.events())) {
                Map<String, Object> row = new LinkedHashMap<>();
                r.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue()));
                rows.add(row);
            }
            return new TargetRun(rows, spec.query(), "");
        }
        ParseResult parsed = new QueryReader().read(spec.query(), DialectChoice.AUTO);
        if (!parsed.ok()) throw new AssertionError("query does not parse: " + spec.query() + " " + parsed.diagnostics());
        RulePack pack = new RulePack(spec.options());
        pack.add(parsed.query());
        pack.finish();
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        byte[] input = String.join("\n", spec.events()).getBytes(StandardCharsets.UTF_8);
        new NdjsonReader().read(new ByteArrayInputStream(input), "spec", new CollectingSink(pack, json, ids, bad));
        if (!bad.isEmpty()) throw new AssertionError("malformed events in spec: " + bad);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : ids) rows.add(Map.of("id", id));
        return new TargetRun(rows, spec.query(), "");
    }

    /** The rows the built-in engine gives: what `s1ql eval` prints under "row". */
    public static List<ObjectNode> pipelineRows(String query, EvalOptions options, List<String> events) throws Exception {
        ParseResult parsed = new QueryReader().read(query, DialectChoice.AUTO);
        if (!parsed.ok()) throw new AssertionError("query does not parse: " + query + " " + parsed.diagnostics());
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
