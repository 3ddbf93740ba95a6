// One Jackson parser over many NDJSON lines of a reader's buffer, so that events do not each pay for a parser.
package dev.s1ql.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Creating a parser per line (context, buffers, a symbol-table child) cost as much as a fifth of tokenizing
 * the line. This keeps one parser running over the buffered lines while the events come in order. It only
 * ever answers "this event is the object from here to exactly the end of its line"; anything else — a line
 * that is not one complete object, a gap, a refilled buffer — makes it step aside, and the caller reads that
 * line alone as before, so error reports and line numbers do not depend on it.
 */
final class ChunkParser {

    private final JsonFactory factory;
    private JsonParser parser;
    private long chunk;
    private int base;
    /** Events read through the shared parser (a test checks that it is really used). */
    long shared;

    ChunkParser(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * A parser positioned on the START_OBJECT of {@code e}, or null when the event is not part of a chunk or the
     * parser does not find the object where the event starts.
     */
    JsonParser begin(RawEvent e) {
        if (e.chunk == 0) return null;
        try {
            if (parser == null || chunk != e.chunk) {
                drop();
                parser = factory.createParser(e.buf, e.off, e.chunkEnd - e.off);
                chunk = e.chunk;
                base = e.off;
            }
            if (parser.nextToken() == JsonToken.START_OBJECT && tokenStart() == e.off) return parser;
        } catch (IOException ex) {
            // the line is read alone, which reports the problem
        }
        drop();
        return null;
    }

    /** After the event's END_OBJECT: true when it closed exactly at the end of the event's line. */
    boolean endsAtLineEnd(RawEvent e) {
        if (tokenStart() + 1 != e.off + e.len) return false;
        shared++;
        return true;
    }

    /** Forgets the parser (after a failure or a mismatch): the next event starts a new one. */
    void drop() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // a byte-array parser has nothing to close
            }
            parser = null;
        }
    }

    private long tokenStart() {
        // Byte offsets count from where the parser started.
        return parser.currentTokenLocation().getByteOffset() + base;
    }
}
