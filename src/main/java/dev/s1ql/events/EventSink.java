// Where readers deliver events and report the ones they could not read.
package dev.s1ql.events;

public interface EventSink {

    /**
     * Called for each event; the event and its buffer are only valid during the call.
     *
     * @return true to go on reading, false to stop the whole run (e.g. the event was malformed and the
     *         caller fails fast)
     */
    boolean accept(RawEvent event);

    /**
     * Called for an event that could not be read.
     *
     * @return true to go on reading, false to stop the whole run
     */
    boolean malformed(String file, long line, String message);

    /**
     * True when {@link #accept} reads every event with a {@link FieldExtractor} before it looks at the event's
     * bytes: the NDJSON reader may then hand over a line before finding its end, and reading the JSON object
     * finds it (the newline scan was a visible share of a rule pack's run). Other sinks get whole lines.
     */
    default boolean defersLineEnds() {
        return false;
    }
}
