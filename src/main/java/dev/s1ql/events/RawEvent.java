// One event as read from its file: where it came from and its JSON bytes (a view into a reused buffer).
package dev.s1ql.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Readers reuse one instance and one buffer for every event, so a consumer that keeps an event must call
 * {@link #copyJson()}. CSV rows arrive here already turned into JSON objects.
 */
public final class RawEvent {
    String file;
    long line;
    byte[] buf;
    int off;
    int len;
    /** Non-zero when the bytes after the event, up to chunkEnd, are the following lines of the same stream. */
    long chunk;
    int chunkEnd;

    /** A stand-alone event (for tests and callers that hold events in memory). */
    public static RawEvent of(String file, long line, byte[] json) {
        RawEvent e = new RawEvent();
        e.set(file, line, json, 0, json.length);
        return e;
    }

    public String file() {
        return file;
    }

    /** 1-based line where the event starts in its file. */
    public long line() {
        return line;
    }

    public byte[] buffer() {
        return buf;
    }

    public int offset() {
        return off;
    }

    public int length() {
        return len;
    }

    public byte[] copyJson() {
        return Arrays.copyOfRange(buf, off, off + len);
    }

    public String jsonText() {
        return new String(buf, off, len, StandardCharsets.UTF_8);
    }

    void set(String file, long line, byte[] buf, int off, int len) {
        this.file = file;
        this.line = line;
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.chunk = 0;
        this.chunkEnd = off + len;
    }

    /**
     * Marks the event as one line of an NDJSON buffer: {@code buf[off, chunkEnd)} holds it and the lines after
     * it, unchanged for as long as {@code chunk} stays the same. Lets {@link FieldExtractor} run one parser over
     * many events instead of creating one per line.
     */
    void chunk(long chunk, int chunkEnd) {
        this.chunk = chunk;
        this.chunkEnd = chunkEnd;
    }

    /** End of the buffered bytes that follow this event in the same stream (= the event's end if none). */
    int chunkEnd() {
        return chunkEnd;
    }
}
