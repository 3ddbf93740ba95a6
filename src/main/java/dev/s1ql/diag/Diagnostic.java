// One message about a query: severity, stable code, plain-words message, the span it is about, and a hint.
package dev.s1ql.diag;

import dev.s1ql.ast.Span;

/**
 * @param severity error or warning
 * @param code     stable code
 * @param message  what is wrong, in plain words
 * @param span     where, in the query text (line and column are 1-based and relative to the query)
 * @param hint     an optional suggestion ("did you mean 'Contains'?"), or null
 */
public record Diagnostic(Severity severity, Code code, String message, Span span, String hint) {

    public static Diagnostic of(Code code, String message, Span span) {
        return new Diagnostic(code.severity(), code, message, span, null);
    }

    public static Diagnostic of(Code code, String message, Span span, String hint) {
        return new Diagnostic(code.severity(), code, message, span, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Diagnostic withSeverity(Severity s) {
        return new Diagnostic(s, code, message, span, hint);
    }
}
