// Translates a batch of inputs on the machine's cores while the command prints them in input order: input i's
// result is asked for in order (get), the others are computed ahead by a small pool. Output and its order are
// those of a one-by-one run; translators and catalogs are safe to share between threads (ServeConcurrencyTest).
package dev.s1ql.cli;

import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.translate.TranslationSetupException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A batch of fewer than {@link #MIN_BATCH} inputs, or a machine with one core, is translated on the calling
 * thread when asked for. At most {@link #MAX_AHEAD} results wait to be printed, so memory stays bounded on a
 * batch of any size.
 */
final class ParallelTranslations implements AutoCloseable {

    /** A translation of one input; may throw what the translator throws. */
    interface Work {
        CommandResults.Translated apply(QueryInput in) throws TranslationSetupException;
    }

    static final int MIN_BATCH = 32;
    static final int MAX_AHEAD = 256;

    private final List<QueryInput> inputs;
    private final Work work;
    private final ExecutorService pool;
    private final List<Future<CommandResults.Translated>> pending = new ArrayList<>();
    private int submitted;

    ParallelTranslations(List<QueryInput> inputs, Work work) {
        this(inputs, work, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    }

    ParallelTranslations(List<QueryInput> inputs, Work work, int threads) {
        this.inputs = inputs;
        this.work = work;
        if (inputs.size() < MIN_BATCH || threads < 2) {
            this.pool = null;
        } else {
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "s1ql-translate");
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** The result of input {@code i}; called with i = 0, 1, 2, ... in order. */
    CommandResults.Translated get(int i) throws TranslationSetupException {
        if (pool == null) return work.apply(inputs.get(i));
        while (submitted < inputs.size() && submitted < i + MAX_AHEAD) {
            QueryInput in = inputs.get(submitted++);
            pending.add(pool.submit(() -> work.apply(in)));
        }
        Future<CommandResults.Translated> f = pending.set(i, null);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while translating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TranslationSetupException t) throw t;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error r) throw r;
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
