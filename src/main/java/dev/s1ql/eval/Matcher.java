// A compiled piece of a query: tells whether the current event satisfies it.
package dev.s1ql.eval;

public interface Matcher {
    boolean test(EventView event);
}
