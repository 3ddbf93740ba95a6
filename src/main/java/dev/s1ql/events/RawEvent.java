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
    /**
     * While not null, the event's end is not known yet (len is -1): the line was started without looking for
     * its end ({@link EventSink#defersLineEnds()}); reading the object finds it ({@link #endAt}), or
     * {@link #settle()} has the reader find it the usual way.
     */
    Deferral deferral;
    /** Where the line of a deferred event was found to end (its newline), for the reader to go on after it. */
    int newline = -1;

    /** Finds the end of a deferred event's line the way the reader finds any line's end. */
    interface Deferral {
        /** Sets the event's bytes (the buffer may have moved); throws when the line cannot be an event. */
        void settle(RawEvent event) throws MalformedEventException;
    }

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
        settled();
        return buf;
    }

    public int offset() {
        settled();
        return off;
    }

    public int length() {
        settled();
        return len;
    }

    public byte[] copyJson() {
        settled();
        return Arrays.copyOfRange(buf, off, off + len);
    }

    public String jsonText() {
        settled();
        return new String(buf, off, len, StandardCharsets.UTF_8);
    }

    /** The event's bytes are only known once it has been read (sinks that defer line ends read it first). */
    private void settled() {
        if (deferral != null) throw new IllegalStateException("the event's line end is not known before it is read");
    }

    /** Makes the event's bytes known: nothing to do unless its line end was deferred. */
    void settle() throws MalformedEventException {
        if (deferral != null) {
            Deferral d = deferral;
            deferral = null;
            d.settle(this);
        }
    }

    /** Reading the object found the end of the deferred line: the object ends at {@code end}, the line at {@code newline}. */
    void endAt(int end, int newline) {
        this.len = end - off;
        this.newline = newline;
        this.deferral = null;
    }

    void set(String file, long line, byte[] buf, int off, int len) {
        this.file = file;
        this.line = line;
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.chunk = 0;
        this.chunkEnd = off + len;
        this.deferral = null;
        this.newline = -1;
    }

    /** An event whose line starts at {@code off}; its end is found later (see {@link #deferral}). */
    void setDeferred(String file, long line, byte[] buf, int off, Deferral deferral) {
        set(file, line, buf, off, 0);
        this.len = -1;
        this.deferral = deferral;
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
