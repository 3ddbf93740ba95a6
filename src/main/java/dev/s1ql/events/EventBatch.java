// A run of events already read and extracted, handed from the reader thread to the evaluating one.
package dev.s1ql.events;

import java.util.Arrays;

/**
 * Entries keep the order they were read in. Each is either an event — its file and line, a copy of its JSON
 * bytes (the reader's buffer is reused, so the batch owns the copy) and the slot values it had — or a malformed
 * event's report. Batches are recycled: {@link #clear()} keeps the arrays, so a steady run makes no garbage
 * beyond the values' Strings.
 */
public final class EventBatch {

    /** A batch is full at this many bytes of copied JSON even before its entry count is reached. */
    private static final int RAW_LIMIT = 4 << 20;

    private final int capacity;
    private final String[] file;
    private final long[] line;
    /** The report of a malformed entry; null for an event. */
    private final String[] problem;
    private final int[] rawStart;
    private final int[] rawLength;
    /** Entry i's values are {@code slots/values[valueStart[i], valueStart[i + 1])}. */
    private final int[] valueStart;
    private int[] slots = new int[1024];
    private String[] values = new String[1024];
    private byte[] raw = new byte[1 << 16];
    private int size;
    private int rawUsed;
    private int valuesUsed;

    public EventBatch(int capacity) {
        this.capacity = capacity;
        file = new String[capacity];
        line = new long[capacity];
        problem = new String[capacity];
        rawStart = new int[capacity];
        rawLength = new int[capacity];
        valueStart = new int[capacity + 1];
    }

    public void clear() {
        Arrays.fill(values, 0, valuesUsed, null);
        Arrays.fill(file, 0, size, null);
        Arrays.fill(problem, 0, size, null);
        size = 0;
        rawUsed = 0;
        valuesUsed = 0;
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == capacity || rawUsed >= RAW_LIMIT;
    }

    /**
     * Appends an event: the slots {@code extracted} holds for it, and its bytes unless {@code withBytes} is false
     * (then the event is handed over empty).
     */
    void addEvent(RawEvent event, EventValues extracted, boolean withBytes) {
        if (event.deferral != null) throw new IllegalStateException("an event is added after it was read");
        int i = begin(event.file, event.line, null);
        int len = withBytes ? event.len : 0;
        if (rawUsed + len > raw.length) raw = Arrays.copyOf(raw, Math.max(raw.length * 2, rawUsed + len));
        System.arraycopy(event.buf, event.off, raw, rawUsed, len);
        rawStart[i] = rawUsed;
        rawLength[i] = len;
        rawUsed += len;
        int n = extracted.filledCount();
        if (valuesUsed + n > slots.length) {
            int grown = Math.max(slots.length * 2, valuesUsed + n);
            slots = Arrays.copyOf(slots, grown);
            values = Arrays.copyOf(values, grown);
        }
        for (int k = 0; k < n; k++) {
            int slot = extracted.filledSlot(k);
            slots[valuesUsed] = slot;
            values[valuesUsed++] = extracted.get(slot);
        }
        valueStart[i + 1] = valuesUsed;
    }

    /** Appends the report of an event that could not be read. */
    void addMalformed(String eventFile, long eventLine, String message) {
        int i = begin(eventFile, eventLine, message);
        rawStart[i] = rawUsed;
        rawLength[i] = 0;
        valueStart[i + 1] = valuesUsed;
    }

    private int begin(String eventFile, long eventLine, String message) {
        int i = size++;
        file[i] = eventFile;
        line[i] = eventLine;
        problem[i] = message;
        valueStart[i] = valuesUsed;
        return i;
    }

    public boolean isMalformed(int i) {
        return problem[i] != null;
    }

    /** Why entry i could not be read (only for a malformed entry). */
    public String problem(int i) {
        return problem[i];
    }

    public String file(int i) {
        return file[i];
    }

    public long line(int i) {
        return line[i];
    }

    /** Points {@code event} at entry i's file, line and JSON bytes (valid until the batch is cleared). */
    public void point(int i, RawEvent event) {
        event.set(file[i], line[i], raw, rawStart[i], rawLength[i]);
    }

    /** Sets entry i's values into {@code out}, which the caller has already advanced to a new event. */
    public void load(int i, EventValues out) {
        for (int k = valueStart[i], end = valueStart[i + 1]; k < end; k++) out.set(slots[k], values[k]);
    }
}
