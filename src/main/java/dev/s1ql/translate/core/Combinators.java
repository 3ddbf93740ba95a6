// How a target combines its own conditions. Inputs are never constants: the core folds those first.
package dev.s1ql.translate.core;

import java.util.List;

public interface Combinators<T> {

    T and(List<T> parts);

    T or(List<T> parts);

    /** The prefix negation of one test's condition (S1QL NOT: true on an event without the field). */
    T not(T leaf);
}
