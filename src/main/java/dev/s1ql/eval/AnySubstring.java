// An OR of contains/starts/ends predicates on one field: answered from the field's hits, not leaf by leaf.
package dev.s1ql.eval;

import dev.s1ql.ast.MatchKind;

/**
 * Sigma rules often list dozens to hundreds of key paths or command-line fragments in one OR
 * ({@code RegistryKeyPath containsCIS "\Run\" OR ...}); testing them leaf by leaf cost microseconds per event
 * for each rule that became a candidate. All the leaves read the same {@link SubstringIndex}, whose pass has
 * already listed the distinct patterns found in the value, so this walks those few hits and looks each up in
 * bitsets of the operands' patterns (one per position: anywhere, at the start, at the end). Only non-negated
 * leaves without an empty operand are merged: on a missing field every one of them is false, as is this.
 */
final class AnySubstring implements Matcher {

    final SubstringIndex index;
    /** The merged leaves, in query order (their triggers are this matcher's triggers). */
    final SubstringLeaf[] leaves;
    private final long[] anywhere;
    private final long[] atStart;
    private final long[] atEnd;

    AnySubstring(SubstringLeaf[] leaves) {
        this.index = leaves[0].index;
        this.leaves = leaves;
        int words = (index.size() >> 6) + 1;
        anywhere = new long[words];
        atStart = new long[words];
        atEnd = new long[words];
        for (SubstringLeaf leaf : leaves) {
            long[] bits = leaf.kind == MatchKind.STARTS_WITH ? atStart : leaf.kind == MatchKind.ENDS_WITH ? atEnd : anywhere;
            for (int p : leaf.patterns) bits[p >> 6] |= 1L << p;
        }
    }

    /** Whether {@code leaf} can be merged with others on its index: not negated, no empty operand. */
    static boolean mergeable(Matcher m) {
        return m instanceof SubstringLeaf s && !s.negated && !s.hasEmpty && s.patterns.length > 0;
    }

    @Override
    public boolean test(EventView event) {
        if (event.value(index.slot) == null) return false;
        int n = index.hits(event);
        int[] hits = index.hitList();
        for (int i = 0; i < n; i++) {
            int p = hits[i];
            long bit = 1L << p;
            int w = p >> 6;
            // Patterns registered after these leaves (by later rules) are none of theirs.
            if (w >= anywhere.length) continue;
            if ((anywhere[w] & bit) != 0) return true;
            if ((atStart[w] & bit) != 0 && index.startsWith(event, p)) return true;
            if ((atEnd[w] & bit) != 0 && index.endsWith(event, p)) return true;
        }
        return false;
    }
}
