// One pass of `s1ql eval` over the event inputs: evaluates every event, prints matches, counts bad events.
package dev.s1ql.cli.eval;

import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.eval.RulePack;
import dev.s1ql.eval.pipeline.PipelineRun;
import dev.s1ql.events.EventBatch;
import dev.s1ql.events.EventSink;
import dev.s1ql.events.ExtractedEventSink;
import dev.s1ql.events.MalformedEventException;
import dev.s1ql.events.RawEvent;
import java.io.PrintWriter;
import java.util.List;

/**
 * Bad events never vanish: each is reported as {@code file:line: malformed event: why} on stderr and counted;
 * with {@code failFast} the first one stops the run.
 */
public final class EvalRun implements EventSink, ExtractedEventSink, RulePack.MatchListener {

    private final RulePack pack;
    private final List<QueryInput> rules;
    private final MatchOutput output;
    private final boolean countOnly;
    private final boolean explain;
    private final boolean failFast;
    private final PrintWriter err;
    private final ProgressBar progress;
    private final long[] matchesPerRule;
    /** Per rule: the PowerQuery output stages to apply to its matches, or null. */
    private final PipelineRun[] pipelines;
    private long events;
    private long matches;
    private long malformed;

    public EvalRun(RulePack pack, List<QueryInput> rules, MatchOutput output, boolean countOnly, boolean explain,
                   boolean failFast, PrintWriter err, ProgressBar progress) {
        this.pack = pack;
        this.rules = rules;
        this.output = output;
        this.countOnly = countOnly;
        this.explain = explain;
        this.failFast = failFast;
        this.err = err;
        this.progress = progress;
        this.matchesPerRule = new long[rules.size()];
        this.pipelines = new PipelineRun[rules.size()];
    }

    /** Where a malformed event is reported instead of the error stream (the serve API lists them). */
    public interface MalformedReport {
        void report(String file, long line, String message);
    }

    private MalformedReport malformedReport;

    /** Reports malformed events to {@code report} instead of printing them on the error stream. */
    public void malformedTo(MalformedReport report) {
        this.malformedReport = report;
    }

    /** Sends the matches of {@code rule} through PowerQuery stages instead of printing them. */
    public void pipeline(int rule, PipelineRun run) {
        pipelines[rule] = run;
    }

    /** At the end of the input: rows of the buffered stages (group, sort, ...). */
    public void finish() {
        if (countOnly) return;
        for (int r = 0; r < pipelines.length; r++) {
            QueryInput rule = rules.get(r);
            if (pipelines[r] != null) pipelines[r].finish(row -> output.row(rule, row));
        }
    }

    @Override
    public boolean accept(RawEvent event) {
        try {
            pack.evaluate(event, this);
            events++;
        } catch (MalformedEventException e) {
            return malformed(event.file(), event.line(), e.getMessage());
        }
        if (progress != null) progress.tick(events, matches);
        return true;
    }

    /** Every event is read (its fields extracted) before anything looks at its bytes. */
    @Override
    public boolean defersLineEnds() {
        return true;
    }

    /** An event whose fields the pipelined reader already extracted (it reports malformed ones itself). */
    @Override
    public boolean accept(RawEvent event, EventBatch batch, int index) {
        pack.evaluate(batch, index, event, this);
        events++;
        if (progress != null) progress.tick(events, matches);
        return true;
    }

    /** Counting only: the pipelined reader need not copy each event's bytes for us. */
    @Override
    public boolean needsEventBytes() {
        return !countOnly;
    }

    /** Whether a malformed event ends the run (the pipelined reader must stop at it too). */
    public boolean failFast() {
        return failFast;
    }

    @Override
    public void matched(int rule, RawEvent event) {
        matches++;
        matchesPerRule[rule]++;
        if (countOnly) return;
        if (pipelines[rule] != null) pipelines[rule].accept(event, row -> output.row(rules.get(rule), row));
        else output.match(rules.get(rule), event, explain ? pack.explain(rule) : null);
    }

    @Override
    public boolean malformed(String file, long line, String message) {
        malformed++;
        if (malformedReport != null) {
            malformedReport.report(file, line, message);
            return !failFast;
        }
        if (progress != null) progress.clear();
        if (line > 0) err.printf("%s:%d: malformed event: %s%n", file, line, message);
        else err.printf("%s: malformed input: %s%n", file, message); // about the file, not one of its lines
        err.flush();
        return !failFast;
    }

    public long events() {
        return events;
    }

    public long matches() {
        return matches;
    }

    public long malformed() {
        return malformed;
    }

    public long matches(int rule) {
        return matchesPerRule[rule];
    }
}
