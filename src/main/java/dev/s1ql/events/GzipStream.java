// Gzip decompression that notices what java.util.zip.GZIPInputStream ignores: bytes after the last member.
package dev.s1ql.events;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads every member of a gzip file (RFC 1952; `cat a.gz b.gz` is one valid file) and checks each member's CRC
 * and length. GZIPInputStream ends quietly at bytes after the last member that do not start another one, which
 * hid a truncated concatenation or a file with junk appended (issue 13); here they end the data too, and
 * {@link #trailingJunk()} says how many there were, for the caller to report.
 */
final class GzipStream extends InputStream {

    private final PushbackInputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buf;
    private int lastInput;
    private boolean eof;
    private long junk;

    GzipStream(InputStream raw, int bufferSize) throws IOException {
        this.buf = new byte[bufferSize];
        this.in = new PushbackInputStream(raw, bufferSize);
        if (in.read() != 0x1f || in.read() != 0x8b) throw new ZipException("Not in GZIP format");
        header();
    }

    /** Bytes found after the last member (0 when the file ends where its data ends). */
    long trailingJunk() {
        return junk;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (eof) return -1;
        if (len == 0) return 0;
        while (true) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("invalid compressed data: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                endOfMember();
                if (eof) return -1;
            } else if (inflater.needsDictionary()) {
                throw new ZipException("invalid compressed data: a preset dictionary");
            } else if (inflater.needsInput()) {
                lastInput = in.read(buf, 0, buf.length);
                if (lastInput < 0) throw new EOFException("Unexpected end of ZLIB input stream");
                inflater.setInput(buf, 0, lastInput);
            }
        }
    }

    /** The trailer (CRC, length), then another member, the end, or junk. */
    private void endOfMember() throws IOException {
        int rest = inflater.getRemaining();
        if (rest > 0) in.unread(buf, lastInput - rest, rest);
        long expectedCrc = uint32();
        long expectedSize = uint32();
        if (expectedCrc != crc.getValue()) throw new ZipException("Corrupt GZIP trailer (CRC)");
        if (expectedSize != (inflater.getBytesWritten() & 0xFFFFFFFFL)) throw new ZipException("Corrupt GZIP trailer (size)");
        int m1 = in.read();
        if (m1 < 0) {
            eof = true;
            return;
        }
        int m2 = in.read();
        if (m1 == 0x1f && m2 == 0x8b) {
            header();
            inflater.reset();
            crc.reset();
            return;
        }
        junk = m2 < 0 ? 1 : 2;
        for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) junk += n;
        eof = true;
    }

    /** The rest of a member header after its magic number. */
    private void header() throws IOException {
        int method = byteOrEof();
        if (method != 8) throw new ZipException("Unsupported compression method");
        int flags = byteOrEof();
        for (int i = 0; i < 6; i++) byteOrEof(); // mtime, xfl, os
        if ((flags & 4) != 0) {
            int xlen = byteOrEof() | byteOrEof() << 8;
            for (int i = 0; i < xlen; i++) byteOrEof();
        }
        if ((flags & 8) != 0) while (byteOrEof() != 0) { /* file name */ }
        if ((flags & 16) != 0) while (byteOrEof() != 0) { /* comment */ }
        if ((flags & 2) != 0) {
            byteOrEof();
            byteOrEof();
        }
    }

    private int byteOrEof() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("Unexpected end of the gzip header");
        return b;
    }

    private long uint32() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) v |= (long) byteOrEof() << (8 * i);
        return v;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
