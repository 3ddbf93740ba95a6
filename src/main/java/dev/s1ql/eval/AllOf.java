// AND: every operand holds; stops at the first that does not.
package dev.s1ql.eval;

record AllOf(Matcher[] operands) implements Matcher {
    @Override
    public boolean test(EventView event) {
        for (Matcher m : operands) if (!m.test(event)) return false;
        return true;
    }
}
