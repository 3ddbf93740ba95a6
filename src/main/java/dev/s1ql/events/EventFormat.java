// The event file formats s1ql reads, and how a format is recognised from the name or the first bytes.
package dev.s1ql.events;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Locale;

public enum EventFormat {
    /** One JSON object per line. */
    NDJSON,
    /** A JSON array of objects, one object, or objects one after another. */
    JSON,
    /** CSV with a header row. */
    CSV;

    /** How far the sniffer looks for the end of the first line. */
    private static final int SNIFF_LIMIT = 1 << 20;

    /**
     * The format implied by a file name (after removing .gz), or null when the name does not say: {@code .csv} is
     * CSV, {@code .ndjson} and {@code .jsonl} are NDJSON (whatever their first line holds); {@code .json} says
     * nothing, as exports of both kinds carry it.
     */
    public static EventFormat fromName(String name) {
        String n = withoutGz(name);
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) return NDJSON;
        return null;
    }

    /** Whether a file name is that of an event file (a query given by mistake where events belong, or the reverse). */
    public static boolean isEventFileName(String name) {
        String n = withoutGz(name);
        return n.endsWith(".csv") || n.endsWith(".ndjson") || n.endsWith(".jsonl") || n.endsWith(".json")
                || n.endsWith(".parquet") || name.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static String withoutGz(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
    }

    /**
     * Looks at the start of the stream without consuming it: '[' is a JSON array; '{' is NDJSON when the first
     * line is a complete object on its own, otherwise a (pretty-printed) JSON document; anything else is CSV.
     */
    public static EventFormat sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_LIMIT);
        try {
            int b = in.read();
            if (b == 0xEF) { // byte order mark
                in.read();
                in.read();
                b = in.read();
            }
            while (b == ' ' || b == '\t' || b == '\r' || b == '\n') b = in.read();
            if (b == '[') return JSON;
            if (b != '{') return b < 0 ? NDJSON : CSV;
            int depth = 1;
            boolean inString = false;
            boolean escaped = false;
            for (int read = 0; read < SNIFF_LIMIT - 8 && (b = in.read()) >= 0; read++) {
                if (inString) {
                    if (escaped) escaped = false;
                    else if (b == '\\') escaped = true;
                    else if (b == '"') inString = false;
                } else if (b == '"') {
                    inString = true;
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    if (--depth == 0) return NDJSON;
                } else if (b == '\n') {
                    return JSON;
                }
            }
            return NDJSON;
        } finally {
            in.reset();
        }
    }

    public EventReader reader() {
        return switch (this) {
            case NDJSON -> new NdjsonReader();
            case JSON -> new JsonDocumentReader();
            case CSV -> new CsvEventReader();
        };
    }
}
