// A parsed S1QL 1.0 query: the expression tree plus what the source held besides it (comments).
package dev.s1ql.ast;

import java.util.List;

/**
 * @param root     the expression (for a PowerQuery without an initial filter: null, the stages say the rest)
 * @param source   the query text that was parsed
 * @param comments comments found in the source ({@code --} in 1.0, {@code //} and {@code /* * /} in 2.0), in order
 * @param dialect  the language the text was read as; it decides the case rules that are not written in the
 *                 operator (in 1.0, enum fields compare without case whatever the operator says)
 * @param pipeline the PowerQuery stages after the filter; empty for 1.0 and 2.0 filter queries
 */
public record Query(Expr root, String source, List<Comment> comments, Dialect dialect, List<Stage> pipeline) {

    public Query {
        comments = List.copyOf(comments);
        pipeline = List.copyOf(pipeline);
    }

    /** An S1QL 1.0 query. */
    public Query(Expr root, String source, List<Comment> comments) {
        this(root, source, comments, Dialect.S1QL_1, List.of());
    }

    /** Whether enum fields compare without case regardless of the operator (S1QL 1.0 only, spec §6.3). */
    public boolean enumFieldsIgnoreCase() {
        return dialect == Dialect.S1QL_1;
    }

    /** A {@code --} comment and where it was. */
    public record Comment(String text, Span span) {
    }
}
