// The selected field values of the event being evaluated, one per slot, reused from event to event.
package dev.s1ql.events;

/**
 * Values are stamped with the event number (a long: it never wraps) instead of being cleared, so moving to the next event costs
 * nothing however many slots there are. A slot holds text: numbers and booleans as JSON wrote them.
 */
public final class EventValues {

    private final String[] values;
    private final long[] stamps;
    /** The slots set for the current event, in the order they were set (each at most once). */
    private final int[] filled;
    private int filledCount;
    private long stamp = 1;

    public EventValues(int slots) {
        values = new String[slots];
        stamps = new long[slots];
        filled = new int[slots];
    }

    /** Forgets the previous event's values. */
    public void next() {
        stamp++;
        filledCount = 0;
    }

    /** The number of the current event, for caches that are keyed the same way. */
    public long stamp() {
        return stamp;
    }

    /** Sets a slot unless an earlier key of this event already filled it (the first key found wins). */
    public void set(int slot, String value) {
        if (stamps[slot] == stamp) return;
        stamps[slot] = stamp;
        values[slot] = value;
        filled[filledCount++] = slot;
    }

    /** How many slots the current event has set (see {@link #filledSlot}). */
    public int filledCount() {
        return filledCount;
    }

    /** The i-th slot set for the current event, so that a copy need not look at every slot. */
    public int filledSlot(int i) {
        return filled[i];
    }

    /** The value of a slot, or null when the event does not have the field (or has it as JSON null). */
    public String get(int slot) {
        return stamps[slot] == stamp ? values[slot] : null;
    }

    public int size() {
        return values.length;
    }
}
