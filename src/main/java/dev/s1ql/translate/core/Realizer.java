// Writes a specialised condition with a target's leaves and combinators, and applies the loss rule every target
// shares: a test the target cannot write drops only the conjunction it sits in (its OR siblings stay), except
// inside an exclusion — a conjunct of the top-level AND made only of negated tests, as `AND NOT (...)` becomes —
// where it is left out instead (true), which only widens the exclusion: the output then matches more, never less.
// A constant decides its AND/OR as usual, and then the losses and notes of what it decided away are forgotten.
package dev.s1ql.translate.core;

import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

public final class Realizer<T> {

    /**
     * The result for one set of events.
     *
     * @param value    the target condition, or null when the result is the constant {@code constant}
     * @param constant the constant value when {@code value} is null
     * @param notes    warnings of the tests that are in the output
     * @param losses   what was dropped or left out on the way
     */
    public record Realized<T>(T value, boolean constant, List<Diagnostic> notes, List<Loss> losses) {
        public Realized {
            notes = List.copyOf(notes);
            losses = List.copyOf(losses);
        }

        public boolean isConstant() {
            return value == null;
        }
    }

    private final Function<Test, Leaf<T>> leaves;
    private final Combinators<T> combinators;

    public Realizer(Function<Test, Leaf<T>> leaves, Combinators<T> combinators) {
        this.leaves = leaves;
        this.combinators = combinators;
    }

    public Realized<T> realize(Cond root) {
        if (root instanceof Cond.All all) return combine(all.parts().stream().map(p -> walk(p, exclusion(p))).toList(), true);
        return walk(root, exclusion(root));
    }

    /**
     * Whether every test in {@code c} is negated — a prefix NOT, or a negated operator ({@code !=}, {@code Not In},
     * {@code Does Not Contain}): an exclusion, as {@code NOT (a OR b AND c)} reads in NNF.
     */
    private static boolean exclusion(Cond c) {
        if (c instanceof Cond.Lit l) return l.negated() != (l.test().negated() && l.test().kind() != dev.s1ql.ast.MatchKind.EMPTY);
        if (c instanceof Cond.Const) return true;
        List<Cond> parts = c instanceof Cond.All a ? a.parts() : ((Cond.Any) c).parts();
        return parts.stream().allMatch(Realizer::exclusion);
    }

    /** @param widen whether {@code c} lies in an exclusion, where an unwritable test is left out (true) */
    private Realized<T> walk(Cond c, boolean widen) {
        if (c instanceof Cond.Const k) return constant(k.value(), List.of(), List.of());
        if (c instanceof Cond.Lit l) return leaf(l, widen);
        boolean conjunction = c instanceof Cond.All;
        List<Cond> parts = conjunction ? ((Cond.All) c).parts() : ((Cond.Any) c).parts();
        List<Realized<T>> done = new ArrayList<>();
        for (Cond p : parts) done.add(walk(p, widen));
        return combine(done, conjunction);
    }

    private Realized<T> combine(List<Realized<T>> done, boolean conjunction) {
        // A clean absorbing constant (false in AND, true in OR) decides, whatever else was lost or noted.
        for (Realized<T> r : done) {
            if (r.isConstant() && r.constant() != conjunction && r.losses().isEmpty()) return constant(!conjunction, List.of(), List.of());
        }
        List<Loss> absorbing = new ArrayList<>();
        for (Realized<T> r : done) if (r.isConstant() && r.constant() != conjunction) absorbing.addAll(r.losses());
        if (!absorbing.isEmpty()) return constant(!conjunction, List.of(), absorbing);
        List<T> kept = new ArrayList<>();
        List<Diagnostic> notes = new ArrayList<>();
        List<Loss> losses = new ArrayList<>();
        for (Realized<T> r : done) {
            notes.addAll(r.notes());
            losses.addAll(r.losses());
            if (!r.isConstant()) kept.add(r.value());
        }
        if (kept.isEmpty()) return constant(conjunction, notes, losses);
        T value = kept.size() == 1 ? kept.get(0) : conjunction ? combinators.and(kept) : combinators.or(kept);
        return new Realized<>(value, false, notes, losses);
    }

    private Realized<T> leaf(Cond.Lit l, boolean widen) {
        Leaf<T> leaf = leaves.apply(l.test());
        if (leaf instanceof Leaf.Written<T> w) {
            return new Realized<>(l.negated() ? combinators.not(w.value()) : w.value(), false, w.notes(), List.of());
        }
        if (leaf instanceof Leaf.Decided<T> d) return constant(l.negated() != d.value(), d.notes(), List.of());
        Diagnostic reason = ((Leaf.Unwritable<T>) leaf).reason();
        return constant(widen, List.of(), List.of(new Loss(l.test(), reason, widen)));
    }

    private Realized<T> constant(boolean v, List<Diagnostic> notes, List<Loss> losses) {
        return new Realized<>(null, v, notes, losses);
    }
}
