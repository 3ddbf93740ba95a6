// Splits a byte stream into lines without decoding them, growing its buffer only for long lines.
package dev.s1ql.events;

import java.io.IOException;
import java.io.InputStream;

final class LineSplitter {

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
            for (int i = scan; i < limit; i++) {
                if (buf[i] == '\n') {
                    lineEnd = i;
                    scan = i + 1;
                    return finish(discarding);
                }
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
