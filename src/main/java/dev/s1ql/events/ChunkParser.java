// One Jackson parser over many NDJSON lines of a reader's buffer, so that events do not each pay for a parser.
package dev.s1ql.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
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
    /** The parser's line count at the event's opening brace: a newline inside the object changes it. */
    private int startRow;
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
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonLocation at = parser.currentTokenLocation();
                if (at.getByteOffset() + base == e.off) {
                    startRow = at.getLineNr();
                    return parser;
                }
            }
        } catch (IOException ex) {
            // the line is read alone, which reports the problem
        }
        drop();
        return null;
    }

    /**
     * After the event's END_OBJECT: true when it closed exactly at the end of the event's line. For an event
     * whose line end is deferred, the line must go on with blanks only to a newline, with no newline inside the
     * object (the reader would have cut the line there); then this is where the event and its line end.
     */
    boolean endsAtLineEnd(RawEvent e) {
        JsonLocation at = parser.currentTokenLocation();
        int close = (int) (at.getByteOffset() + base);
        if (e.deferral != null) {
            if (at.getLineNr() != startRow) return false;
            byte[] b = e.buf;
            int i = close + 1;
            while (i < e.chunkEnd && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) i++;
            if (i >= e.chunkEnd || b[i] != '\n') return false;
            e.endAt(close + 1, i);
        } else if (close + 1 != e.off + e.len) {
            return false;
        }
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
}
