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

    /** How many non-blank lines after the first the sniffer weighs. */
    private static final int SNIFF_LINES = 32;

    /** What a line of the sniffed window looks like. */
    private enum Shape { OBJECT, ARRAY, OPEN_OBJECT, OPEN_ARRAY, TEXT }

    /**
     * Looks at the start of the stream without consuming it, for names that say nothing. The first line decides
     * unless the lines after it say otherwise, so that one bad line cannot turn an NDJSON file into something
     * else: a first line that is an object closed on that line is NDJSON; otherwise, when most of the next lines
     * (up to {@value #SNIFF_LINES}) are such objects, NDJSON with a bad first line; otherwise '[' is a JSON
     * array, '{' a pretty-printed JSON document, anything else CSV.
     */
    public static EventFormat sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_LIMIT);
        byte[] window;
        try {
            window = firstLines(in, 2 * SNIFF_LINES);
        } finally {
            in.reset();
        }
        int from = window.length >= 3 && (window[0] & 0xFF) == 0xEF && (window[1] & 0xFF) == 0xBB
                && (window[2] & 0xFF) == 0xBF ? 3 : 0;
        Shape first = null;
        int objects = 0;
        int others = 0;
        int seen = 0;
        while (from < window.length && seen <= SNIFF_LINES) {
            int end = from;
            while (end < window.length && window[end] != '\n') end++;
            boolean cut = end == window.length && window.length == SNIFF_LIMIT - 8;
            Shape shape = shape(window, from, end, cut);
            from = end + 1;
            if (shape == null) continue; // blank
            seen++;
            if (first == null) {
                first = shape;
                if (shape == Shape.OBJECT) return NDJSON;
            } else if (shape == Shape.OBJECT) {
                objects++;
            } else {
                others++;
            }
        }
        if (first == null) return NDJSON;
        if (objects > others && first != Shape.OPEN_ARRAY) return NDJSON;
        return switch (first) {
            case ARRAY, OPEN_ARRAY -> JSON;
            case OPEN_OBJECT -> JSON;
            default -> CSV;
        };
    }

    /** Up to {@code lines} lines or the sniff limit, whichever ends first (standard input may be a slow pipe). */
    private static byte[] firstLines(BufferedInputStream in, int lines) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int b;
        while (out.size() < SNIFF_LIMIT - 8 && lines > 0 && (b = in.read()) >= 0) {
            out.write(b);
            if (b == '\n') lines--;
        }
        return out.toByteArray();
    }

    /**
     * The shape of the line {@code b[from, end)}, or null when blank. An object or array "closes" when its
     * brackets balance on the line (strings and escapes respected); a line cut by the end of the window that
     * opens an object counts as one, as a line too long to see whole is most likely a large event.
     */
    private static Shape shape(byte[] b, int from, int end, boolean cut) {
        int i = from;
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) i++;
        if (i == end) return cut ? Shape.TEXT : null;
        byte open = b[i];
        if (open != '{' && open != '[') return Shape.TEXT;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (; i < end; i++) {
            byte c = b[i];
            if (inString) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return open == '{' ? Shape.OBJECT : Shape.ARRAY;
            }
        }
        if (open == '{') return cut ? Shape.OBJECT : Shape.OPEN_OBJECT;
        return Shape.OPEN_ARRAY;
    }

    public EventReader reader() {
        return switch (this) {
            case NDJSON -> new NdjsonReader();
            case JSON -> new JsonDocumentReader();
            case CSV -> new CsvEventReader();
        };
    }
}
