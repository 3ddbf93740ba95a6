// Collects the diagnostics of one translation, once each: the same predicate is rendered once per Splunk event
// family it may match, and must not report the same thing several times.
package dev.s1ql.render.spl;

import dev.s1ql.ast.Span;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class Diagnostics {

    private final Map<String, Diagnostic> seen = new LinkedHashMap<>();

    void warn(Code code, String message, Span span) {
        add(Diagnostic.of(code, message, span));
    }

    void error(Code code, String message, Span span) {
        add(Diagnostic.of(code, message, span).withSeverity(dev.s1ql.diag.Severity.ERROR));
    }

    void add(Diagnostic d) {
        seen.putIfAbsent(d.code() + "\t" + d.span().start() + "\t" + d.message(), d);
    }

    boolean hasErrors() {
        return seen.values().stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> all() {
        return new ArrayList<>(seen.values());
    }
}
