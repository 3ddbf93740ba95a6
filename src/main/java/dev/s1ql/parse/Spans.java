// Builds AST spans from ANTLR tokens (offsets in code points; 1-based lines and columns).
package dev.s1ql.parse;

import dev.s1ql.ast.Span;
import org.antlr.v4.runtime.Token;

final class Spans {
    private Spans() {
    }

    static Span of(Token start, Token stop) {
        if (stop == null || stop.getType() == Token.EOF || stop.getStopIndex() < stop.getStartIndex()) stop = start;
        String text = stop.getText() == null ? "" : stop.getText();
        int endLine = stop.getLine();
        int endCol = stop.getCharPositionInLine() + Math.max(text.codePointCount(0, text.length()), 1);
        int nl = text.lastIndexOf('\n');
        if (nl >= 0) {
            endLine += (int) text.chars().filter(c -> c == '\n').count();
            endCol = text.codePointCount(nl + 1, text.length());
        }
        return new Span(start.getStartIndex(), stop.getStopIndex() + 1, start.getLine(),
                start.getCharPositionInLine() + 1, endLine, Math.max(endCol, 1));
    }

    static Span of(Token token) {
        return of(token, token);
    }
}
