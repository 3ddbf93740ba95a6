// A parsed S1QL 1.0 query: the expression tree plus what the source held besides it (comments).
package dev.s1ql.ast;

import java.util.List;

/**
 * @param root     the expression
 * @param source   the query text that was parsed
 * @param comments {@code --} line comments found in the source, in order
 */
public record Query(Expr root, String source, List<Comment> comments) {

    public Query {
        comments = List.copyOf(comments);
    }

    /** A {@code --} comment and where it was. */
    public record Comment(String text, Span span) {
    }
}
