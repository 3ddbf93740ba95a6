// The shared driver of every target: the target names the sets of events it searches (legs) and how it writes one
// test in a leg; the core specialises the condition to each leg, writes it with the loss rule, and reports once,
// for all legs, what was kept, dropped or left out.
package dev.s1ql.translate.core;

import dev.s1ql.ast.Span;
import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

public final class LegPlan {

    /**
     * One set of events a target searches.
     *
     * @param cls     which SentinelOne events it holds
     * @param payload the target's own description of it (a table, a Splunk selector)
     * @param missing when the target holds no such events at all: why (an error-severity diagnostic), else null
     */
    public record Leg<L>(EventClass cls, L payload, Diagnostic missing) {
        public static <L> Leg<L> of(EventClass cls, L payload) {
            return new Leg<>(cls, payload, null);
        }

        public static <L> Leg<L> missing(EventClass cls, Diagnostic why) {
            return new Leg<>(cls, null, why);
        }
    }

    /** A leg in the output with its condition (constant true: every event of the leg). */
    public record Kept<T, L>(Leg<L> leg, Realizer.Realized<T> result) {
    }

    /** A leg left out, and why. */
    public record Lost<L>(Leg<L> leg, List<Loss> losses) {
    }

    /** The kept legs, in the order given, and the diagnostics (errors when no leg is kept). */
    public record Outcome<T, L>(List<Kept<T, L>> kept, List<Lost<L>> lost, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return !kept.isEmpty();
        }
    }

    private LegPlan() {
    }

    /**
     * @param where the span diagnostics about the whole query point at (the query's root expression)
     */
    public static <T, L> Outcome<T, L> translate(Cond condition, List<Leg<L>> legs, BiFunction<Test, L, Leaf<T>> leaves,
                                                 Combinators<T> combinators, Specializer specializer, Span where) {
        List<Kept<T, L>> kept = new ArrayList<>();
        List<Lost<L>> lost = new ArrayList<>();
        for (Leg<L> leg : legs) {
            Cond c = specializer.specialize(condition, leg.cls());
            if (c instanceof Cond.Const k && !k.value()) continue;
            if (leg.missing() != null) {
                lost.add(new Lost<>(leg, List.of(new Loss(null, leg.missing(), false))));
                continue;
            }
            Realizer.Realized<T> r = new Realizer<T>(t -> leaves.apply(t, leg.payload()), combinators).realize(c);
            if (r.isConstant() && !r.losses().isEmpty()) {
                // nothing of the leg left, or (an exclusion left out) every event of it: neither is the query
                lost.add(new Lost<>(leg, r.losses()));
            } else if (!r.isConstant() || r.constant()) {
                kept.add(new Kept<>(leg, r));
            }
        }
        return new Outcome<>(kept, lost, LossReport.report(kept, lost, where));
    }
}
