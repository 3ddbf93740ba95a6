// Diagnostics gathered while writing one table's condition. Kept per table so that a table left out of the
// output does not leave warnings behind; the same message about the same place is kept once.
package dev.s1ql.render.kql;

import dev.s1ql.ast.Span;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class LegDiagnostics {

    private final Map<String, Diagnostic> byKey = new LinkedHashMap<>();

    void add(Diagnostic d) {
        // Repeats of one message (a field used forty times) are reported once, at the first place.
        byKey.putIfAbsent(d.code().id() + "\u0000" + d.message(), d);
    }

    void add(Code code, String message, Span span) {
        add(Diagnostic.of(code, message, span));
    }

    void addAll(LegDiagnostics other) {
        other.byKey.values().forEach(this::add);
    }

    List<Diagnostic> list() {
        return new ArrayList<>(byKey.values());
    }

    boolean hasErrors() {
        return byKey.values().stream().anyMatch(Diagnostic::isError);
    }
}
