// Parse benchmark driver (run by bench/parse-bench.sh): parse + check throughput over a corpus in one JVM.
package dev.s1ql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.check.CheckOptions;
import dev.s1ql.check.Validator;
import dev.s1ql.parse.S1qlParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class ParseBench {
    private ParseBench() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper m = new ObjectMapper();
        List<String> queries = new ArrayList<>();
        long bytes = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) continue;
            JsonNode n = m.readTree(line);
            String q = n.has("s1ql") ? n.get("s1ql").asText() : n.get("s1ql_1_0").asText();
            queries.add(q);
            bytes += q.length();
        }
        S1qlParser parser = new S1qlParser();
        Validator validator = new Validator(CheckOptions.DEFAULTS);
        // warm-up, then measured rounds
        for (int i = 0; i < 3; i++) for (String q : queries) parser.parse(q);
        int rounds = 5;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) for (String q : queries) parser.parse(q);
        double parseS = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) for (String q : queries) validator.validate(q);
        double validateS = (System.nanoTime() - t0) / 1e9;
        long n = (long) queries.size() * rounds;
        System.out.printf("corpus: %d queries, %.1f MB of query text%n", queries.size(), bytes / 1e6);
        System.out.printf("parse only:       %,.0f queries/s  (%.1f MB/s)%n", n / parseS, bytes * rounds / 1e6 / parseS);
        System.out.printf("parse + checks:   %,.0f queries/s  (%.1f MB/s)%n", n / validateS,
                bytes * rounds / 1e6 / validateS);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap in use after run: %.0f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }
}
