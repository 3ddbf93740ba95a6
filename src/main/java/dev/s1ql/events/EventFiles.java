// Opens event inputs (files, .gz by extension, "-" for stdin), picks the format and reads them in order.
package dev.s1ql.events;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

public final class EventFiles {

    private static final int BUFFER = 1 << 16;
    /**
     * The buffer readers read through. Small on purpose: BufferedInputStream hands a read of at least its size
     * straight to the stream below, so the NDJSON reader's 64 KB reads go from the gunzip stream into its own
     * buffer without a second copy of every byte; sniffing the format needs only the first bytes.
     */
    private static final int READ_BUFFER = 1 << 13;

    private EventFiles() {
    }

    /** Bytes read so far from the underlying (possibly compressed) inputs, for progress reporting. */
    public static final class Progress {
        volatile long bytesRead;
        volatile long bytesTotal;

        public long bytesRead() {
            return bytesRead;
        }

        public long bytesTotal() {
            return bytesTotal;
        }
    }

    /**
     * Reads one input to the end.
     *
     * @param name   a path, or "-" for standard input
     * @param forced a format to use instead of recognising it, or null
     * @return false when the sink asked to stop
     * @throws IOException when the input cannot be opened or read; the message names it
     */
    public static boolean read(String name, EventFormat forced, EventSink sink, Progress progress) throws IOException {
        boolean stdin = "-".equals(name);
        String label = stdin ? "<stdin>" : name;
        InputStream raw;
        if (stdin) {
            raw = System.in;
        } else {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) throw new IOException(name + ": is a directory, not an event file");
            try {
                raw = Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new IOException(name + ": no such file");
            }
            if (progress != null) progress.bytesTotal += Files.size(path);
        }
        InputStream counted = progress == null ? raw : new Counting(raw, progress);
        try (InputStream in = open(counted, name)) {
            BufferedInputStream buffered = new BufferedInputStream(in, READ_BUFFER);
            EventFormat format = forced != null ? forced : EventFormat.fromName(name);
            if (format == null) format = EventFormat.sniff(buffered);
            if (!format.reader().read(buffered, label, sink)) return false;
            if (in instanceof GzipStream gz) {
                in.transferTo(OutputStream.nullOutputStream()); // past the last member, if a reader stopped short
                if (gz.trailingJunk() > 0) {
                    // Line 0: the junk is not on any line of the events; the report is about the file.
                    return sink.malformed(label, 0, gz.trailingJunk() + " bytes of junk after the end of the gzip "
                            + "data, ignored (the file may be damaged or have been appended to)");
                }
            }
            return true;
        } catch (java.util.zip.ZipException e) {
            throw new IOException(label + ": not a valid gzip file (" + e.getMessage() + ")");
        }
    }

    private static InputStream open(InputStream in, String name) throws IOException {
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) return new GzipStream(in, BUFFER);
        if ("-".equals(name)) {
            // Standard input may be gzip too: recognise it by its magic number.
            BufferedInputStream b = new BufferedInputStream(in, BUFFER);
            b.mark(2);
            int m1 = b.read();
            int m2 = b.read();
            b.reset();
            return m1 == 0x1f && m2 == 0x8b ? new GzipStream(b, BUFFER) : b;
        }
        return in;
    }

    private static final class Counting extends FilterInputStream {
        private final Progress progress;

        Counting(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) progress.bytesRead += n;
            return n;
        }

        @Override
        public int read() throws IOException {
            int n = super.read();
            if (n >= 0) progress.bytesRead++;
            return n;
        }
    }
}
