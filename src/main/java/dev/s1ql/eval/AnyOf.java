// OR: some operand holds; stops at the first that does. Also the expansion of shortcut fields (CmdLine).
package dev.s1ql.eval;

record AnyOf(Matcher[] operands) implements Matcher {
    @Override
    public boolean test(EventView event) {
        for (Matcher m : operands) if (m.test(event)) return true;
        return false;
    }
}
