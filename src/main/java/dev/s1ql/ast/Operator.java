// A predicate's normalised operator: match kind, case sensitivity, negation, and the spelling as written.
package dev.s1ql.ast;

import java.util.Objects;

/**
 * The normalised operator of a predicate.
 *
 * @param kind            what is tested
 * @param caseInsensitive true for the {@code CIS} / {@code AnyCase} forms. Enum fields compare without case
 *                        whatever this says (spec §6.3); that is decided by the field, not the operator.
 * @param negated         operator-internal negation: {@code !=}, {@code Not In}, {@code Does Not Contain},
 *                        {@code IS NOT EMPTY}
 * @param comparison      the ordering for {@link MatchKind#COMPARE}, otherwise null
 * @param spelling        the operator exactly as written (for messages); not part of the normalised form
 */
public record Operator(MatchKind kind, boolean caseInsensitive, boolean negated, Comparison comparison,
                       String spelling) {

    public Operator {
        Objects.requireNonNull(kind, "kind");
        if ((kind == MatchKind.COMPARE) != (comparison != null)) {
            throw new IllegalArgumentException("comparison is set exactly for COMPARE");
        }
    }

    public static Operator of(MatchKind kind, boolean caseInsensitive, boolean negated) {
        return new Operator(kind, caseInsensitive, negated, null, null);
    }

    public static Operator compare(Comparison comparison) {
        return new Operator(MatchKind.COMPARE, false, false, comparison, null);
    }

    public Operator normalized() {
        return new Operator(kind, caseInsensitive, negated, comparison, null);
    }
}
