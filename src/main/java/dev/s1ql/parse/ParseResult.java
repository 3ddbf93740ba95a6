// The outcome of parsing one query: the AST when there was no syntax error, and the diagnostics either way.
package dev.s1ql.parse;

import dev.s1ql.ast.Query;
import dev.s1ql.diag.Diagnostic;

import java.util.List;

public record ParseResult(Query query, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return query != null && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
