// Prefix NOT. Unlike the negated operators (!=, Not In), it is true when the field is missing (spec §11 Q13).
package dev.s1ql.eval;

record Negation(Matcher operand) implements Matcher {
    @Override
    public boolean test(EventView event) {
        return !operand.test(event);
    }
}
