// Value completion for the shell scripts of `generate-completion`: translation targets and profiles come from the
// Translators registry, so new targets and profiles complete without a change here.
package dev.s1ql.cli;

import dev.s1ql.translate.Translator;
import dev.s1ql.translate.Translators;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

final class Completion {
    private Completion() {
    }

    /** --to: every target. */
    static final class Targets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Translators.targets().iterator();
        }
    }

    /** --profile: every profile of every target (the command then says which belong to the chosen target). */
    static final class Profiles implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            Set<String> all = new LinkedHashSet<>();
            for (String t : Translators.targets()) {
                Translator tr = Translators.forTarget(t);
                all.addAll(tr.profiles());
            }
            return all.iterator();
        }
    }
}
