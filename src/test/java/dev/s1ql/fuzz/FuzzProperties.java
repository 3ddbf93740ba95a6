// The short fuzz run of every build: generated and mutated queries, literals, and event files with garbage lines,
// on a fixed range of seeds so that it cannot fail by chance on a known, open divergence the long run reports
// (issue 13's closing note); bench/fuzz.sh runs the same checks on fresh seeds for as many minutes as asked
// (FuzzMain). Plain JUnit: jqwik 1.10 prints a banner asking AI agents not to use it, and this project is
// developed with them, so it is not a dependency (see issue 13's closing note).
package dev.s1ql.fuzz;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzProperties {

    /** Seeds of the build's run: the long run starts from the clock, so these are a fixed sample of its space. */
    static LongStream querySeeds() {
        return LongStream.concat(LongStream.range(0, 150).map(i -> 0x5EED_0000L + i * 7919),
                LongStream.of(LONG_RUN_SEEDS));
    }

    /**
     * Seeds a long run reported, kept as regressions: 57508436500500 (2026-12-05) mutates a query into one with an
     * unknown function, {@code Between (...)}; fmt keeps that error, which the check wrongly counted as a new one.
     */
    private static final long[] LONG_RUN_SEEDS = {57508436500500L};

    static LongStream fileSeeds() {
        return LongStream.range(0, 40).map(i -> 0xF11E_0000L + i * 104729);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("querySeeds")
    void queriesRewritesAndLiteralsHold(long seed) {
        var failures = QueryChecks.check(seed);
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fileSeeds")
    void eventFilesWithGarbageLinesLoseNoValidEvent(long seed) throws Exception {
        Path dir = Files.createTempDirectory("s1ql-fuzz");
        try {
            var failures = EventChecks.check(seed, dir);
            assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.delete(p);
            }
            Files.delete(dir);
        }
    }
}
