// NDJSON / JSON Lines: one event per line, split on bytes so that a bad line is reported and skipped alone.
package dev.s1ql.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Splitting lines ourselves (rather than streaming one parser over the file) is what makes recovery possible:
 * a broken line cannot desynchronise the next one. Blank lines are ignored; CR before LF is dropped.
 */
public final class NdjsonReader implements EventReader {

    /** Longest line accepted; a longer one is reported as malformed instead of exhausting the heap. */
    static final int MAX_LINE = 64 << 20;
    /** The report for such a line, the same whether the line was split before or after it was handed over. */
    private static final String TOO_LONG = "line longer than " + (MAX_LINE >> 20) + " MB";

    @Override
    public boolean read(InputStream in, String file, EventSink sink) throws IOException {
        LineSplitter lines = new LineSplitter(in, MAX_LINE);
        RawEvent event = new RawEvent();
        boolean defer = sink.defersLineEnds();
        RawEvent.Deferral usual = e -> settle(lines, e);
        while (true) {
            if (defer && lines.nextDeferred()) {
                // A line that starts an object: the sink reads the object, which finds where the line ends.
                event.setDeferred(file, lines.lineNumber(), lines.buffer(), lines.start(), usual);
                event.chunk(lines.generation(), lines.limit());
                boolean more;
                try {
                    more = sink.accept(event);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                if (event.deferral != null) {
                    event.deferral = null; // the sink stopped without reading it
                    lines.finishDeferred();
                } else if (event.newline >= 0) {
                    lines.endDeferred(event.newline);
                } // else settle() found the end the usual way: the splitter is past the line already
                if (!more) return false;
                continue;
            }
            if (!lines.next()) return true;
            if (lines.tooLong()) {
                if (!sink.malformed(file, lines.lineNumber(), TOO_LONG)) return false;
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
    }

    /** Finds a deferred line's end the usual way and gives the event the bytes the usual reading would give. */
    private static void settle(LineSplitter lines, RawEvent event) throws MalformedEventException {
        try {
            lines.finishDeferred();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.tooLong()) throw new MalformedEventException(TOO_LONG);
        int off = lines.start();
        int end = lines.end();
        while (end > off && isBlank(lines.buffer()[end - 1])) end--;
        event.buf = lines.buffer();
        event.off = off;
        event.len = end - off;
        event.chunk(lines.generation(), lines.limit());
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
