// The bounds `s1ql serve` keeps on every request: body sizes, worker threads, and how much one eval may do.
package dev.s1ql.serve;

import java.time.Duration;

/**
 * @param maxBody        largest request body for validate, translate and fmt (bytes)
 * @param maxEvalBody    largest request body for eval, whose body carries the events (bytes)
 * @param threads        worker threads answering requests
 * @param concurrentEval evals that may run at once (each holds its events in memory)
 * @param maxEvents      events one eval reads at most; the rest are not read
 * @param evalTime       how long one eval may read and evaluate before it stops
 * @param maxResults     matches (and rows) one eval returns at most; the counts still cover all
 */
public record ServeLimits(int maxBody, int maxEvalBody, int threads, int concurrentEval, long maxEvents,
                          Duration evalTime, int maxResults) {

    public static ServeLimits defaults() {
        return new ServeLimits(1 << 20, 128 << 20, 8, 2, 200_000, Duration.ofSeconds(10), 5_000);
    }
}
