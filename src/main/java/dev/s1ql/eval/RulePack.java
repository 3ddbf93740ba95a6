// The evaluator's front door: compile one or many queries, then feed events and hear which rules match.
package dev.s1ql.eval;

import dev.s1ql.ast.Query;
import dev.s1ql.events.EventBatch;
import dev.s1ql.events.EventValues;
import dev.s1ql.events.FieldExtractor;
import dev.s1ql.events.FieldSelection;
import dev.s1ql.events.MalformedEventException;
import dev.s1ql.events.RawEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Single-threaded (with PipelinedEvents, only the reading runs on another thread, with its own extractor).
 * Usage: {@link #add} each query, {@link #finish}, then {@link #evaluate} each event.
 * Each event is parsed once for all rules, reading only the fields some rule references.
 */
public final class RulePack {

    /** Told about each rule that matches the current event, in rule order. */
    public interface MatchListener {
        void matched(int rule, RawEvent event);
    }

    private final QueryCompiler compiler;
    private final List<CompiledQuery> rules = new ArrayList<>();
    private CandidateIndex index;
    private EventValues values;
    private EventView view;
    private FieldExtractor extractor;

    public RulePack(EvalOptions options) {
        this.compiler = new QueryCompiler(options);
    }

    /**
     * Compiles a query; returns its rule number (0, 1, ... in the order added). A PowerQuery's `| filter`
     * stages are folded into its filter (PipelineFilter); it must have at least one filter.
     */
    public int add(Query query) {
        Query folded = PipelineFilter.fold(query).query();
        if (folded == null) throw new IllegalArgumentException("a PowerQuery without any filter cannot be evaluated");
        rules.add(compiler.compile(folded));
        return rules.size() - 1;
    }

    public void finish() {
        compiler.finish();
        index = new CandidateIndex(rules);
        FieldSelection selection = compiler.selection();
        values = new EventValues(selection.size());
        view = new EventView(values);
        extractor = new FieldExtractor(selection);
    }

    public List<CompiledQuery> rules() {
        return Collections.unmodifiableList(rules);
    }

    public FieldSelection selection() {
        return compiler.selection();
    }

    /** Reads the event's fields and reports every matching rule. */
    public void evaluate(RawEvent event, MatchListener listener) throws MalformedEventException {
        load(event);
        matchLoaded(event, listener);
    }

    /**
     * Reports every matching rule for entry {@code index} of a batch whose fields another thread already read
     * (PipelinedEvents); {@code event} is that entry's bytes, handed to the listener.
     */
    public void evaluate(EventBatch batch, int index, RawEvent event, MatchListener listener) {
        values.next();
        batch.load(index, values);
        compiler.derived().fill(values);
        matchLoaded(event, listener);
    }

    private void matchLoaded(RawEvent event, MatchListener listener) {
        int n = index.select(view);
        int[] candidates = index.candidates();
        for (int i = 0; i < n; i++) {
            int r = candidates[i];
            if (rules.get(r).test(view)) listener.matched(r, event);
        }
    }

    /** Parses an event into the current view without evaluating (for explanations and benchmarks). */
    public void load(RawEvent event) throws MalformedEventException {
        values.next();
        extractor.extract(event, values);
        compiler.derived().fill(values);
    }

    /** What each predicate of a rule said about the event last loaded. */
    public List<Explanation.Step> explain(int rule) {
        return Explanation.of(rules.get(rule), view);
    }

    /** Regex evaluations abandoned for exceeding the step budget, per rule (empty when none). */
    public List<RegexReport> regexReports() {
        List<RegexReport> out = new ArrayList<>();
        java.util.Set<Leaf> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int r = 0; r < rules.size(); r++) {
            for (CompiledQuery.LeafUse use : rules.get(r).leaves()) {
                // A shared regex leaf is reported once, under the first rule that uses it.
                if (use.leaf() instanceof RegexLeaf rl && rl.abandoned > 0 && reported.add(rl)) {
                    out.add(new RegexReport(r, use.predicate(), rl.abandoned, rl.longestAbandoned));
                }
            }
        }
        return out;
    }

    /** A regex that had to be abandoned {@code times} times; the longest such value had {@code longest} chars. */
    public record RegexReport(int rule, dev.s1ql.ast.Predicate predicate, long times, int longest) {
    }
}
