// The one place that says how much JSON an event may hold: Jackson's StreamReadConstraints, set deliberately
// for events (issue 13) instead of Jackson's defaults, which reject valid events.
package dev.s1ql.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson's defaults refuse a number of more than 1,000 characters and nesting deeper than 1,000, both valid
 * JSON that exports can hold. The limits here let every event that fits in a line ({@link NdjsonReader#MAX_LINE})
 * through as far as it is reasonable and keep a hostile one bounded; each is documented in docs/eval.md:
 * <ul>
 *   <li>numbers: at most {@value #MAX_NUMBER_LENGTH} characters (and read with Jackson's sub-quadratic parser
 *       where a value must become a number: the evaluator itself compares number text of at most 60);</li>
 *   <li>nesting: at most {@value #MAX_NESTING_DEPTH} levels (Jackson reads trees without recursion but writes
 *       them back recursively: 10,000 levels overflowed the default thread stack, 5,000 did not);</li>
 *   <li>strings: as long as a line may be; key names: Jackson's default (50,000 characters).</li>
 * </ul>
 * A value over a limit makes its event malformed (reported with its line, the others are read).
 */
public final class EventJson {

    public static final int MAX_NUMBER_LENGTH = 100_000;
    public static final int MAX_NESTING_DEPTH = 3_000;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(NdjsonReader.MAX_LINE)
            .build();
    /** Events are written back (a JSON array's elements, matches in JSON): as deep as they may be read. */
    private static final StreamWriteConstraints WRITE_LIMITS = StreamWriteConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .build();

    private EventJson() {
    }

    /** A parser factory with the event limits (one per reader: factories keep per-thread symbol tables). */
    public static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(LIMITS)
                .streamWriteConstraints(WRITE_LIMITS)
                .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
    }

    /** An ObjectMapper reading events with the same limits. */
    public static ObjectMapper mapper() {
        return new ObjectMapper(factory());
    }
}
