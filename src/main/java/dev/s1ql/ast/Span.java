// Source position of an AST node or diagnostic: character offsets plus 1-based line/column of the start and end.
package dev.s1ql.ast;

/**
 * A half-open range {@code [start, end)} of character offsets in the query text, with the 1-based line and
 * column of its first character and of its last character.
 */
public record Span(int start, int end, int line, int column, int endLine, int endColumn) {

    /** A span for nodes that do not come from source text (built by code, e.g. a translator). */
    public static final Span NONE = new Span(-1, -1, 0, 0, 0, 0);

    public boolean isKnown() {
        return start >= 0;
    }

    /** The smallest span covering both. */
    public Span to(Span other) {
        if (!isKnown()) return other;
        if (!other.isKnown()) return this;
        Span first = start <= other.start ? this : other;
        Span last = end >= other.end ? this : other;
        return new Span(first.start, last.end, first.line, first.column, last.endLine, last.endColumn);
    }
}
