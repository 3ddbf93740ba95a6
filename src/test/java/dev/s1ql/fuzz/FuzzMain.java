// The long fuzz run (bench/fuzz.sh --minutes N): the checks of FuzzProperties on fresh seeds until the time is up;
// prints how many cases ran and every failure with the seed that reproduces it (QueryChecks.check(seed)).
package dev.s1ql.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class FuzzMain {

    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = 1;
        long seed = System.nanoTime();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: FuzzMain [--minutes N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        long end = System.nanoTime() + (long) (minutes * 60e9);
        Path dir = Files.createTempDirectory("s1ql-fuzz");
        List<String> failures = new ArrayList<>();
        long queryCases = 0;
        long fileCases = 0;
        long started = System.nanoTime();
        System.out.printf("fuzz: first seed %d, %.1f minutes%n", seed, minutes);
        for (long s = seed; System.nanoTime() < end; s++) {
            List<String> f = QueryChecks.check(s);
            queryCases++;
            if (queryCases % 8 == 0) {
                f = new ArrayList<>(f);
                f.addAll(EventChecks.check(s, dir));
                fileCases++;
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) Files.delete(p);
                }
            }
            for (String x : f) {
                if (failures.size() < 200) System.out.println("FAILURE " + x);
                failures.add(x);
            }
            if (queryCases % 5000 == 0) {
                System.out.printf("fuzz: %,d query cases, %,d event-file cases, %d failures so far (%.0f s)%n",
                        queryCases, fileCases, failures.size(), (System.nanoTime() - started) / 1e9);
            }
        }
        Files.delete(dir);
        // each query case is a generated query, a mutation of it and four literals (6 inputs)
        System.out.printf("fuzz: %,d query cases (%,d inputs), %,d event-file cases (NDJSON + CSV), %d failures in %.1f min%n",
                queryCases, queryCases * 6, fileCases, failures.size(), (System.nanoTime() - started) / 60e9);
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
