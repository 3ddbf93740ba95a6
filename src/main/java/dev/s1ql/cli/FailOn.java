// `--fail-on error|warning`: which diagnostics make an input count as failed (exit 1). Notes (INFO) never do.
package dev.s1ql.cli;

import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;

import java.util.List;

public enum FailOn {
    error, warning;

    /** Whether these diagnostics fail the input. */
    public boolean fails(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d.isError() || (this == warning && d.severity() == Severity.WARNING)) return true;
        }
        return false;
    }
}
