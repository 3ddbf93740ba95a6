// Where the pipelined reader delivers events whose fields were already extracted on the reader thread.
package dev.s1ql.events;

/** The counterpart of {@link EventSink} for {@link PipelinedEvents}; calls come in input order. */
public interface ExtractedEventSink {

    /**
     * Called for each event; its values are entry {@code index} of {@code batch} (see {@link EventBatch#load}).
     * The event, its bytes and the batch are only valid during the call.
     *
     * @return true to go on, false to stop the whole run
     */
    boolean accept(RawEvent event, EventBatch batch, int index);

    /**
     * Called for an event that could not be read, at its place in the input.
     *
     * @return true to go on, false to stop the whole run
     */
    boolean malformed(String file, long line, String message);

    /**
     * Whether {@link #accept} looks at the event's bytes (to print it, say). When it does not (counting
     * matches only), the reader does not copy them into the batch and the event it hands over is empty.
     */
    default boolean needsEventBytes() {
        return true;
    }
}
