// The built-in evaluator as a spec target: a rule pack with the spec's evaluation options over its events.
package dev.s1ql.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.events.NdjsonReader;
import dev.s1ql.oracle.SpecTarget;
import dev.s1ql.oracle.TargetRun;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public final class EvalTarget implements SpecTarget {

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public TargetRun run(EvalSpecFile spec) throws Exception {
        if (spec.hasRows()) throw new AssertionError("this target gives matching events only, not the rows of a pipeline (yet)");
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
}
