// Splits a byte stream into lines without decoding them, growing its buffer only for long lines.
package dev.s1ql.events;

import java.io.IOException;
import java.io.InputStream;

final class LineSplitter {

    /** Reads 8 bytes at a time to look for the newline (SWAR): the scan is a visible share of the run time. */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private final int maxLine;
    private byte[] buf = new byte[1 << 16];
    private int lineStart;
    private int lineEnd;
    private int scan;
    private int limit;
    private boolean eof;
    private boolean tooLong;
    private long lineNumber;
    private boolean firstLine = true;
    /** Changes whenever the buffer's bytes move or grow (see {@link #generation()}); unique across splitters. */
    private long generation = GENERATIONS.incrementAndGet();

    private static final java.util.concurrent.atomic.AtomicLong GENERATIONS = new java.util.concurrent.atomic.AtomicLong();

    LineSplitter(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        tooLong = false;
        lineStart = scan;
        boolean discarding = false;
        while (true) {
            int nl = indexOfNewline(buf, scan, limit);
            if (nl >= 0) {
                lineEnd = nl;
                scan = nl + 1;
                return finish(discarding);
            }
            scan = limit;
            if (eof) {
                if (lineStart == limit && !discarding) return false;
                lineEnd = limit;
                return finish(discarding);
            }
            if (limit - lineStart >= maxLine) {
                // Keep counting the line but stop storing it.
                discarding = true;
                lineStart = 0;
                limit = 0;
                scan = 0;
            }
            fill();
        }
    }

    /**
     * Starts the next line without looking for its end, when it begins an object inside the bytes already read
     * (not the first line, which may carry a byte order mark). The caller then either tells where it ends
     * ({@link #endDeferred}) or has it found as usual ({@link #finishDeferred}). False: use {@link #next()}.
     */
    boolean nextDeferred() {
        if (firstLine || scan >= limit || buf[scan] != '{') return false;
        tooLong = false;
        lineStart = scan;
        lineEnd = -1;
        lineNumber++;
        return true;
    }

    /** The deferred line ends at the newline at {@code newline} (inside the bytes read). */
    void endDeferred(int newline) {
        lineEnd = newline;
        scan = newline + 1;
    }

    /**
     * Finds the end of the deferred line the usual way (it may read more input, which can move the buffer and
     * find the line too long); false only if nothing is left, which cannot happen for a line that has a byte.
     */
    boolean finishDeferred() throws IOException {
        scan = lineStart;
        lineNumber--;
        return next();
    }

    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES; // a zero byte where there was a newline
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        for (; i < to; i++) if (b[i] == '\n') return i;
        return -1;
    }

    private boolean finish(boolean discarding) {
        lineNumber++;
        tooLong = discarding;
        if (firstLine) {
            firstLine = false;
            // A UTF-8 byte order mark is not part of the first event.
            if (lineEnd - lineStart >= 3 && (buf[lineStart] & 0xFF) == 0xEF && (buf[lineStart + 1] & 0xFF) == 0xBB
                    && (buf[lineStart + 2] & 0xFF) == 0xBF) lineStart += 3;
        }
        return true;
    }

    private void fill() throws IOException {
        generation = GENERATIONS.incrementAndGet();
        if (lineStart > 0) {
            System.arraycopy(buf, lineStart, buf, 0, limit - lineStart);
            limit -= lineStart;
            scan -= lineStart;
            lineStart = 0;
        }
        if (limit == buf.length) {
            byte[] bigger = new byte[Math.min(buf.length * 2, maxLine + (1 << 16))];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) eof = true;
        else limit += n;
    }

    /**
     * Identifies the current buffer contents: while it stays the same, bytes up to {@link #limit()} stay where
     * they are, so a parser may run over several lines at once (see {@link RawEvent#chunkEnd()}).
     */
    long generation() {
        return generation;
    }

    /** End of the bytes read into the buffer so far (lines after the current one, possibly a partial last one). */
    int limit() {
        return limit;
    }

    boolean tooLong() {
        return tooLong;
    }

    long lineNumber() {
        return lineNumber;
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }
}
