// How bad a diagnostic is. An input with any ERROR is invalid; warnings never change the exit code.
package dev.s1ql.diag;

import java.util.Locale;

public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
