// Raised when translation options cannot be used at all (unknown profile, bad mapping file): the CLI reports
// it as a usage error (exit 2) instead of a per-query diagnostic.
package dev.s1ql.translate;

public final class TranslationSetupException extends RuntimeException {
    public TranslationSetupException(String message) {
        super(message);
    }

    public TranslationSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
