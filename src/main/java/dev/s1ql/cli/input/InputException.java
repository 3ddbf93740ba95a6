// An input that cannot be read (missing file, unreadable directory, invalid UTF-8): its message is for users.
package dev.s1ql.cli.input;

public final class InputException extends Exception {
    public InputException(String message) {
        super(message);
    }
}
