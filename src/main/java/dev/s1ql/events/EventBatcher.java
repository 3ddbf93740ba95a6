// The reader thread's sink: extracts each event's fields and packs events and reports into batches.
package dev.s1ql.events;

/**
 * Decides on its own whether a malformed event stops the reading (the evaluating side decides the same way),
 * so that the reader never waits for the evaluator's answer. A full batch is swapped for an empty one through
 * {@link Handoff}, which blocks while the evaluator is behind.
 */
final class EventBatcher implements EventSink {

    /** Publishes a filled batch and returns an empty one to fill next. */
    interface Handoff {
        EventBatch swap(EventBatch full);
    }

    private final FieldExtractor extractor;
    private final EventValues values;
    private final boolean stopAtMalformed;
    private final Handoff handoff;
    private EventBatch batch;
    /** Whether events' bytes go into the batch (not when the evaluating side only counts). */
    private final boolean keepBytes;
    /** Set by the evaluating side when it stops early: reading ends at the next event. */
    volatile boolean cancelled;

    EventBatcher(FieldSelection selection, boolean stopAtMalformed, boolean keepBytes, EventBatch first,
                 Handoff handoff) {
        this.keepBytes = keepBytes;
        this.extractor = new FieldExtractor(selection);
        this.values = new EventValues(selection.size());
        this.stopAtMalformed = stopAtMalformed;
        this.handoff = handoff;
        this.batch = first;
    }

    @Override
    public boolean accept(RawEvent event) {
        if (cancelled) return false;
        values.next();
        try {
            extractor.extract(event, values);
        } catch (MalformedEventException e) {
            return malformed(event.file(), event.line(), e.getMessage());
        }
        batch.addEvent(event, values, keepBytes);
        if (batch.isFull()) flush();
        return true;
    }

    /** Every event is read (its fields extracted) before anything looks at its bytes. */
    @Override
    public boolean defersLineEnds() {
        return true;
    }

    @Override
    public boolean malformed(String file, long line, String message) {
        if (cancelled) return false;
        batch.addMalformed(file, line, message);
        if (batch.isFull()) flush();
        return !stopAtMalformed;
    }

    /** Publishes the batch being filled, if it holds anything. */
    void flush() {
        if (batch.size() > 0) batch = handoff.swap(batch);
    }
}
