// Reads event inputs on a second thread (gunzip, lines, field extraction) while the caller's thread evaluates.
package dev.s1ql.events;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The same inputs, order, reports and stop rules as reading them one by one with {@link EventFiles#read}, split
 * over two threads: the reader fills {@link EventBatch}es, a small fixed set of which circulates between a
 * "filled" and a "free" queue, so memory stays bounded and batches are reused. An I/O failure of the reader
 * reaches the caller after every event read before it, as it would single-threaded. The field selection's
 * key lookup caches are used by the reader thread only for the duration of the call.
 */
public final class PipelinedEvents {

    /** Events per batch: large enough to make the handoff cheap, small enough to keep both threads busy. */
    public static final int BATCH_EVENTS = 1024;
    private static final int BATCHES = 4;

    /** The reader's last word: whether it read everything, or what went wrong. */
    private record End(boolean completed, Throwable failure) {
    }

    private final BlockingQueue<Object> filled = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<EventBatch> free = new ArrayBlockingQueue<>(BATCHES);
    /** Set when the evaluating side failed and will take no more batches. */
    private volatile boolean abandoned;

    private PipelinedEvents() {
        for (int i = 0; i < BATCHES - 1; i++) free.add(new EventBatch(BATCH_EVENTS));
    }

    /**
     * Reads {@code names} in order (see {@link EventFiles#read}) and delivers their events to {@code sink}.
     *
     * @param stopAtMalformed whether the first malformed event ends the reading (the sink must then answer
     *                        false to it as well)
     * @return false when reading stopped early (a malformed event with stopAtMalformed, or the sink said so)
     * @throws IOException as {@link EventFiles#read} would, after the events read before the failure
     */
    public static boolean read(List<String> names, EventFormat forced, FieldSelection selection,
                               boolean stopAtMalformed, EventFiles.Progress progress, ExtractedEventSink sink)
            throws IOException {
        return new PipelinedEvents().run(names, forced, selection, stopAtMalformed, progress, sink);
    }

    private boolean run(List<String> names, EventFormat forced, FieldSelection selection, boolean stopAtMalformed,
                        EventFiles.Progress progress, ExtractedEventSink sink) throws IOException {
        EventBatcher batcher = new EventBatcher(selection, stopAtMalformed, sink.needsEventBytes(),
                new EventBatch(BATCH_EVENTS), this::swap);
        Thread reader = new Thread(() -> produce(names, forced, progress, batcher), "s1ql-event-reader");
        reader.setDaemon(true);
        reader.start();
        boolean ended = false;
        try {
            End end = consume(sink, batcher);
            ended = true;
            reader.join();
            if (end.failure() != null) rethrow(end.failure());
            return end.completed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while evaluating events");
        } finally {
            if (!ended) {
                // The evaluating side failed: make the reader give up wherever it waits.
                abandoned = true;
                batcher.cancelled = true;
                reader.interrupt();
            }
        }
    }

    /** Evaluates batches until the reader's end; after the sink says stop, drains what is left unread. */
    private End consume(ExtractedEventSink sink, EventBatcher batcher) throws InterruptedException {
        RawEvent event = new RawEvent();
        boolean stopped = false;
        while (true) {
            Object item = filled.take();
            if (item instanceof End) {
                End end = (End) item;
                return stopped ? new End(false, null) : end;
            }
            EventBatch batch = (EventBatch) item;
            for (int i = 0, n = batch.size(); i < n && !stopped; i++) {
                boolean goOn;
                if (batch.isMalformed(i)) {
                    goOn = sink.malformed(batch.file(i), batch.line(i), batch.problem(i));
                } else {
                    batch.point(i, event);
                    goOn = sink.accept(event, batch, i);
                }
                if (!goOn) {
                    stopped = true;
                    batcher.cancelled = true;
                }
            }
            batch.clear();
            free.put(batch);
        }
    }

    private void produce(List<String> names, EventFormat forced, EventFiles.Progress progress, EventBatcher batcher) {
        boolean completed = true;
        Throwable failure = null;
        try {
            for (String name : names) {
                if (!EventFiles.read(name, forced, batcher, progress)) {
                    completed = false;
                    break;
                }
            }
        } catch (Cancelled c) {
            return;
        } catch (Throwable t) {
            failure = t;
            completed = false;
        }
        try {
            batcher.flush();
            filled.put(new End(completed, failure));
        } catch (Cancelled | InterruptedException c) {
            // the evaluating side has gone
        }
    }

    /** Called on the reader thread: queues a filled batch, waits for a free one. */
    private EventBatch swap(EventBatch full) {
        try {
            if (abandoned) throw new Cancelled();
            filled.put(full);
            return free.take();
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException) throw (IOException) t;
        if (t instanceof RuntimeException) throw (RuntimeException) t;
        if (t instanceof Error) throw (Error) t;
        throw new IllegalStateException(t);
    }

    /** The reader thread was told to stop while waiting for a free batch. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
