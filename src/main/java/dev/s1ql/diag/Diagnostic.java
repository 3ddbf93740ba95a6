// One message about a query: severity, stable code, plain-words message, the span it is about, and a hint.
package dev.s1ql.diag;

import dev.s1ql.ast.Span;

/**
 * @param severity error or warning
 * @param code     stable code
 * @param message  what is wrong, in plain words
 * @param span     where, in the query text (line and column are 1-based and relative to the query)
 * @param hint     an optional suggestion ("did you mean 'Contains'?"), or null
 * @param details  machine-readable particulars for JSON output (e.g. every event kind a translation lost), by
 *                 name; values are strings or lists of strings; empty for most diagnostics
 */
public record Diagnostic(Severity severity, Code code, String message, Span span, String hint,
                         java.util.Map<String, Object> details) {

    public Diagnostic {
        details = details == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(details));
    }

    public Diagnostic(Severity severity, Code code, String message, Span span, String hint) {
        this(severity, code, message, span, hint, java.util.Map.of());
    }

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
        return new Diagnostic(s, code, message, span, hint, details);
    }

    /** This diagnostic with one more machine-readable detail. */
    public Diagnostic withDetail(String name, Object value) {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>(details);
        d.put(name, value);
        return new Diagnostic(severity, code, message, span, hint, d);
    }
}
