// A target's answer for one test in one set of events: its own condition for it, a constant (the target knows
// the answer for these events), or "cannot be written" with the reason. Notes are the warnings that belong to
// this test; they are reported only when the test survives into the output.
package dev.s1ql.translate.core;

import dev.s1ql.diag.Diagnostic;

import java.util.List;

public sealed interface Leaf<T> {

    List<Diagnostic> notes();

    record Written<T>(T value, List<Diagnostic> notes) implements Leaf<T> {
        public Written {
            notes = List.copyOf(notes);
        }
    }

    record Decided<T>(boolean value, List<Diagnostic> notes) implements Leaf<T> {
        public Decided {
            notes = List.copyOf(notes);
        }
    }

    /** The target cannot say this; {@code reason} is an error-severity diagnostic naming the field and why. */
    record Unwritable<T>(Diagnostic reason) implements Leaf<T> {
        @Override
        public List<Diagnostic> notes() {
            return List.of();
        }
    }

    static <T> Leaf<T> written(T value, List<Diagnostic> notes) {
        return new Written<>(value, notes);
    }

    static <T> Leaf<T> decided(boolean value) {
        return new Decided<>(value, List.of());
    }

    static <T> Leaf<T> unwritable(Diagnostic reason) {
        return new Unwritable<>(reason);
    }
}
