// `< <= > >=` and `BETWEEN a AND b` (inclusive): numerically when both sides read as numbers, else as text.
package dev.s1ql.eval;

import dev.s1ql.ast.NumberText;

import dev.s1ql.ast.Comparison;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Predicate;
import java.math.BigDecimal;

/**
 * Text ordering is plain code-unit order, which is right for the ISO-8601 timestamps that BETWEEN is used with
 * ({@code EventTime BETWEEN "2022-02-20T12:16:36Z" AND ...}); {@code "53" < "100"} holds because both are numbers.
 * A numeric operand against a value that is not a number is false: there is no meaningful order between them.
 */
final class CompareLeaf extends Leaf {

    private final Comparison[] comparisons;
    private final String[] texts;
    private final BigDecimal[] numbers;

    CompareLeaf(Predicate source, String fieldName, int slot) {
        super(source, fieldName, slot);
        boolean range = source.operator().kind() == MatchKind.RANGE;
        comparisons = range ? new Comparison[] {Comparison.GE, Comparison.LE}
                : new Comparison[] {source.operator().comparison()};
        texts = new String[comparisons.length];
        numbers = new BigDecimal[comparisons.length];
        for (int i = 0; i < comparisons.length; i++) {
            texts[i] = source.values().get(i).text();
            numbers[i] = NumberText.parse(texts[i]);
        }
    }

    @Override
    boolean holds(EventView event, String value) {
        for (int i = 0; i < comparisons.length; i++) {
            int cmp;
            if (numbers[i] != null) {
                BigDecimal d = event.number(slot);
                if (d == null) return false; // a number and a text have no order: "http" > "1024" is false
                cmp = d.compareTo(numbers[i]);
            } else {
                cmp = value.compareTo(texts[i]);
            }
            if (!comparisons[i].holds(cmp)) return false;
        }
        return true;
    }
}
