// The result of translating one query to another language: the text (null when it could not be translated)
// and every diagnostic about it. Shared by all targets.
package dev.s1ql.translate;

import dev.s1ql.diag.Diagnostic;

import java.util.List;

/**
 * @param output      the query in the target language, or null when an error diagnostic prevented it
 * @param diagnostics errors (why there is no output) and warnings (where the output is not exact)
 */
public record Translation(String output, List<Diagnostic> diagnostics) {

    public Translation {
        diagnostics = List.copyOf(diagnostics);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) output = null;
    }

    /** True when the query was translated, i.e. no diagnostic is an error. */
    public boolean ok() {
        return output != null;
    }
}
