// The boolean expression tree of a query: AND, OR, NOT and predicates. Immutable; every node has its span.
package dev.s1ql.ast;

/** A node of the boolean expression tree. */
public sealed interface Expr permits And, Or, Not, Predicate {

    Span span();

    /** A copy with every span set to {@link Span#NONE} and spellings canonicalised, for structural comparison. */
    Expr normalized();

    /** Double dispatch to the visitor method of this node's kind. */
    <R> R accept(ExprVisitor<R> visitor);
}
