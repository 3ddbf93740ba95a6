// A condition in SPL before it is written out: atoms that carry their search-command form (when one is exact)
// and their eval form (always), combined with AND, OR and NOT. SplWriter decides which part goes to the search
// and which to `| where`.
package dev.s1ql.render.spl;

import java.util.List;

public sealed interface SplCond {

    /**
     * One test.
     *
     * @param search   the search-command form, or null when the search command cannot express it exactly
     * @param eval     the eval-expression form (total: true or false, never null, also on a missing field)
     * @param compound true when {@code search} is several space-separated terms (needs parentheses under OR/NOT)
     * @param inField  for {@code field=value} atoms that may join an {@code IN} list with their neighbours: the
     *                 search field; else null
     * @param inValue  the quoted value of such an atom (several, comma-separated, when its search form is itself an
     *                 {@code IN} list)
     */
    record Atom(String search, String eval, boolean compound, String inField, String inValue) implements SplCond {
        static Atom of(String search, String eval) {
            return new Atom(search, eval, false, null, null);
        }

        static Atom evalOnly(String eval) {
            return new Atom(null, eval, false, null, null);
        }
    }

    record All(List<SplCond> parts) implements SplCond {
        public All {
            parts = List.copyOf(parts);
        }
    }

    record Any(List<SplCond> parts) implements SplCond {
        public Any {
            parts = List.copyOf(parts);
        }
    }

    record Neg(SplCond part) implements SplCond {
    }

    /**
     * A search term that only narrows which events the search command reads: it is ANDed with a condition that
     * implies it (a name test on a path field is ANDed with a glob on the path), so it adds nothing to the meaning.
     * As a top-level conjunct it goes into the search; in eval it is left out, as it is under OR and NOT.
     */
    record Prefilter(String search) implements SplCond {
    }

    /** Whether the whole condition can be written in the search command. */
    static boolean searchable(SplCond c) {
        if (c instanceof Atom a) return a.search() != null;
        if (c instanceof All a) return a.parts().stream().allMatch(SplCond::searchable);
        if (c instanceof Any a) return a.parts().stream().allMatch(SplCond::searchable);
        if (c instanceof Prefilter) return true;
        return searchable(((Neg) c).part());
    }
}
