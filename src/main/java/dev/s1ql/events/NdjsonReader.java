// NDJSON / JSON Lines: one event per line, split on bytes so that a bad line is reported and skipped alone.
package dev.s1ql.events;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splitting lines ourselves (rather than streaming one parser over the file) is what makes recovery possible:
 * a broken line cannot desynchronise the next one. Blank lines are ignored; CR before LF is dropped.
 */
public final class NdjsonReader implements EventReader {

    /** Longest line accepted; a longer one is reported as malformed instead of exhausting the heap. */
    static final int MAX_LINE = 64 << 20;

    @Override
    public boolean read(InputStream in, String file, EventSink sink) throws IOException {
        LineSplitter lines = new LineSplitter(in, MAX_LINE);
        RawEvent event = new RawEvent();
        while (lines.next()) {
            if (lines.tooLong()) {
                if (!sink.malformed(file, lines.lineNumber(), "line longer than " + (MAX_LINE >> 20) + " MB")) return false;
                continue;
            }
            int off = lines.start();
            int end = lines.end();
            while (off < end && isBlank(lines.buffer()[off])) off++;
            while (end > off && isBlank(lines.buffer()[end - 1])) end--;
            if (off == end) continue;
            event.set(file, lines.lineNumber(), lines.buffer(), off, end - off);
            event.chunk(lines.generation(), lines.limit());
            if (!sink.accept(event)) return false;
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
