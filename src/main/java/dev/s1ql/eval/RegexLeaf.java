// `RegExp`: unanchored find with the pattern taken raw (spec §2.5), bounded so a bad pattern cannot hang a run.
package dev.s1ql.eval;

import dev.s1ql.ast.Predicate;
import java.util.regex.Pattern;

/** An evaluation that runs out of budget counts as no match; the leaf remembers how often that happened. */
final class RegexLeaf extends Leaf {

    private final java.util.regex.Matcher matcher;
    private final BoundedChars input;
    /**
     * The pattern stands for an invalid regex ({@link QueryCompiler#NEVER}): false without a search, which would
     * try every position of the value for nothing (it reads no chars, so it never ran out of budget either).
     */
    private final boolean never;
    long abandoned;
    int longestAbandoned;

    RegexLeaf(Predicate source, String fieldName, int slot, Pattern pattern, long budget) {
        super(source, fieldName, slot);
        this.input = new BoundedChars(budget);
        this.matcher = pattern.matcher("");
        this.never = pattern == QueryCompiler.NEVER;
    }

    @Override
    boolean holds(EventView event, String value) {
        if (never) return false;
        try {
            return matcher.reset(input.reset(value)).find();
        } catch (BoundedChars.BudgetExceeded e) {
            abandoned++;
            longestAbandoned = Math.max(longestAbandoned, value.length());
            return false;
        } catch (StackOverflowError e) {
            // Deeply recursive patterns on long values fail the same way: not a match, reported.
            abandoned++;
            longestAbandoned = Math.max(longestAbandoned, value.length());
            return false;
        }
    }
}
