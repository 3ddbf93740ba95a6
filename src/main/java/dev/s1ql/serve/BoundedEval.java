// One eval request: the query against events held in memory, stopped after a number of events or a time, with
// the matches and rows built by the same code as `s1ql eval --format json` (MatchOutput, EvalRun).
package dev.s1ql.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.cli.DiagnosticPrinter;
import dev.s1ql.cli.eval.EvalQueries;
import dev.s1ql.cli.eval.EvalRun;
import dev.s1ql.cli.eval.MatchOutput;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.RulePack;
import dev.s1ql.eval.pipeline.PipelineRun;
import dev.s1ql.events.EventFormat;
import dev.s1ql.events.EventSink;
import dev.s1ql.events.RawEvent;
import dev.s1ql.parse.DialectChoice;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer: {@code {"matches", "rows"?, "events", "malformed", "malformedEvents", "diagnostics", "stopped"?,
 * "truncated"?}}. Malformed events are counted and the first few listed with their line; they do not stop the run.
 */
final class BoundedEval {

    /** Malformed events listed by line and message; the count covers all. */
    static final int LISTED_MALFORMED = 20;

    private final ServeLimits limits;
    private final ObjectMapper json;

    BoundedEval(ServeLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    /**
     * @param eventsLabel what matches name as their "eventsFile" (the sample's name, or {@code <events>})
     * @param format      the events' format, or null to recognise it from the first bytes
     */
    ObjectNode run(QueryInput in, DialectChoice dialect, byte[] events, String eventsLabel, EventFormat format,
                   boolean explain) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode diagnostics = json.createArrayNode();
        EvalQueries.DiagnosticListener report = (q, d) -> diagnostics.add(DiagnosticPrinter.json(json, q, d));
        RulePack pack = new RulePack(EvalOptions.defaults());
        List<QueryInput> rules = new ArrayList<>();
        List<PipelineRun> pipelines = new ArrayList<>();
        EvalQueries.compile(List.of(in), dialect, pack, EvalOptions.defaults(), rules, pipelines, report);
        ArrayNode matches = answer.putArray("matches");
        if (rules.isEmpty()) {
            answer.put("events", 0);
            answer.put("malformed", 0);
            answer.putArray("malformedEvents");
            answer.set("diagnostics", diagnostics);
            return answer;
        }
        pack.finish();
        boolean pipeline = pipelines.get(0) != null;
        ArrayNode rows = pipeline ? answer.putArray("rows") : null;
        long[] dropped = new long[1];
        MatchOutput output = new MatchOutput(new MatchOutput.Collector() {
            @Override
            public void match(ObjectNode m) {
                if (matches.size() < limits.maxResults()) matches.add(m);
                else dropped[0]++;
            }

            @Override
            public void row(ObjectNode r) {
                if (rows.size() < limits.maxResults()) rows.add(r);
                else dropped[0]++;
            }
        });
        EvalRun run = new EvalRun(pack, rules, output, false, explain, false, new PrintWriter(Writer.nullWriter()), null);
        if (pipeline) run.pipeline(0, pipelines.get(0));
        Bounds bounds = new Bounds(run, limits.maxEvents(), System.nanoTime() + limits.evalTime().toNanos());
        run.malformedTo((file, line, message) -> {
            if (bounds.listed.size() < LISTED_MALFORMED) bounds.listed.addObject().put("line", line).put("message", message);
        });
        try {
            BufferedInputStream buffered = new BufferedInputStream(new ByteArrayInputStream(events), 1 << 13);
            EventFormat f = format != null ? format : EventFormat.sniff(buffered);
            f.reader().read(buffered, eventsLabel, bounds);
        } catch (IOException e) {
            throw ApiException.badRequest("events cannot be read: " + e.getMessage());
        }
        run.finish();
        EvalQueries.reportAbandonedRegexes(pack, rules, report);
        answer.put("events", run.events());
        answer.put("malformed", run.malformed());
        answer.set("malformedEvents", bounds.listed);
        answer.set("diagnostics", diagnostics);
        if (bounds.stopped != null) answer.put("stopped", bounds.stopped);
        if (dropped[0] > 0) answer.put("truncated", dropped[0]);
        return answer;
    }

    /** Passes events to the run until the event count or the deadline is reached; lists malformed events. */
    private final class Bounds implements EventSink {
        private final EvalRun run;
        private final long maxEvents;
        private final long deadline;
        private final ArrayNode listed = json.createArrayNode();
        private long seen;
        private String stopped;

        Bounds(EvalRun run, long maxEvents, long deadline) {
            this.run = run;
            this.maxEvents = maxEvents;
            this.deadline = deadline;
        }

        @Override
        public boolean accept(RawEvent event) {
            if (!goOn()) return false;
            return run.accept(event);
        }

        @Override
        public boolean malformed(String file, long line, String message) {
            run.malformed(file, line, message);
            return goOn();
        }

        private boolean goOn() {
            if (++seen > maxEvents) {
                stopped = "read the first " + maxEvents + " events (the limit of one request)";
                return false;
            }
            if ((seen & 63) == 0 && System.nanoTime() > deadline) {
                stopped = "stopped after " + limits.evalTime().toSeconds() + " s (the limit of one request)";
                return false;
            }
            return true;
        }

        @Override
        public boolean defersLineEnds() {
            return run.defersLineEnds();
        }
    }
}
