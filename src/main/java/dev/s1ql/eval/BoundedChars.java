// A CharSequence that counts reads and gives up past a budget: the guard against catastrophic backtracking.
package dev.s1ql.eval;

/**
 * java.util.regex reads its input only through {@link #charAt}, so the number of reads bounds the work a match
 * does. Reused for every evaluation of one regex (the evaluator is single-threaded).
 */
final class BoundedChars implements CharSequence {

    /** Thrown when the budget is spent; preallocated and without a stack trace, it is cheap to throw. */
    static final class BudgetExceeded extends RuntimeException {
        static final BudgetExceeded INSTANCE = new BudgetExceeded();

        private BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    private final long budget;
    private String text = "";
    private long left;

    BoundedChars(long budget) {
        this.budget = budget;
    }

    BoundedChars reset(String text) {
        this.text = text;
        this.left = budget;
        return this;
    }

    @Override
    public char charAt(int index) {
        if (--left < 0) throw BudgetExceeded.INSTANCE;
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
