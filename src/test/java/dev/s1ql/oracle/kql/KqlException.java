// An error Kusto would report for a query or a value (unknown column, type mismatch, bad literal, unknown function):
// the oracle refuses instead of guessing.
package dev.s1ql.oracle.kql;

public final class KqlException extends RuntimeException {

    public KqlException(String message) {
        super(message);
    }
}
