// An event that cannot be read (bad JSON, not an object, a bad CSV row); the message says why in plain words.
package dev.s1ql.events;

public final class MalformedEventException extends Exception {
    public MalformedEventException(String message) {
        super(message, null, false, false);
    }
}
