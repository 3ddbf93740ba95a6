// `=`, `!=`, `In`, `Not In`, `In AnyCase`: whole-value equality with any operand, as text or as numbers.
package dev.s1ql.eval;

import dev.s1ql.ast.NumberText;

import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Text operands are held folded in a set when the comparison ignores case, so a long In list costs one lookup.
 * Folding keeps lengths, so a value whose length no operand has is rejected before it is folded or hashed.
 */
final class EqualsLeaf extends Leaf {

    private final boolean ignoreCase;
    private final Set<String> texts = new HashSet<>();
    private final BigDecimal[] numbers;
    /** textLengths[n]: some text operand has n chars. */
    private final boolean[] textLengths;

    EqualsLeaf(Predicate source, String fieldName, int slot, boolean ignoreCase) {
        super(source, fieldName, slot);
        this.ignoreCase = ignoreCase;
        List<BigDecimal> nums = new ArrayList<>();
        for (Value v : source.values()) {
            texts.add(ignoreCase ? CaseFold.fold(v.text()) : v.text());
            BigDecimal d = NumberText.parse(v.text());
            if (d != null) nums.add(d);
        }
        numbers = nums.toArray(new BigDecimal[0]);
        int longest = 0;
        for (String t : texts) longest = Math.max(longest, t.length());
        textLengths = new boolean[longest + 1];
        for (String t : texts) textLengths[t.length()] = true;
    }

    /** The previous event's value and verdict: enum-like fields repeat from event to event. */
    private String lastValue;
    private boolean lastResult;

    @Override
    boolean holds(EventView event, String value) {
        if (value.equals(lastValue)) return lastResult;
        boolean result = compute(event, value);
        lastValue = value;
        lastResult = result;
        return result;
    }

    private boolean compute(EventView event, String value) {
        int len = value.length();
        if (len < textLengths.length && textLengths[len] && texts.contains(ignoreCase ? event.folded(slot) : value)) {
            return true;
        }
        if (numbers.length == 0) return false;
        BigDecimal d = event.number(slot);
        if (d == null) return false;
        for (BigDecimal n : numbers) if (n.compareTo(d) == 0) return true;
        return false;
    }
}
