// How bad a diagnostic is. An input with any ERROR is invalid; warnings and notes never change the exit code.
package dev.s1ql.diag;

import java.util.Locale;

public enum Severity {
    ERROR, WARNING,
    /** A note on an assumption the output rests on (e.g. how a 1.0 RegExp's case was read); never a problem. */
    INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
