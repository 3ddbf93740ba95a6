// The fuzzer's property over event files (issue 13): random NDJSON and CSV with garbage lines interleaved lose
// no valid event, keep their order and values, and report each garbage line.
package dev.s1ql.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.events.CollectedEvents;
import dev.s1ql.events.EventJson;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

public final class EventChecks {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final List<String> GARBAGE = List.of("oops not json", "[1]", "{\"broken\":", "}", "{\"a\":1}}",
            "null", "42", "\"text\"", "{'single':1}", "{\"a\":tru}", "\u0000\u0001", "[{\"a\":1}]", "{\"a\" 1}",
            "{\"a\":1,}", "<html>", "{\"a\":\"\\x\"}");
    private static final List<String> VALUES = List.of("cmd.exe", "a,b", "C:\\Windows\\", "\"quoted\"", "é\u2028",
            "", " lead", "x\ty", "line\nbreak", "\uD83D\uDE00", "1", "-0.5", "{", "[");

    private EventChecks() {
    }

    /** Failures for the files made from {@code seed} in {@code dir}. */
    public static List<String> check(long seed, Path dir) {
        List<String> failures = new ArrayList<>();
        Random r = new Random(seed);
        try {
            ndjson(seed, r, dir, failures);
            csv(seed, r, dir, failures);
        } catch (Throwable t) {
            failures.add("seed " + seed + " (event files): threw " + t);
        }
        return failures;
    }

    private static void ndjson(long seed, Random r, Path dir, List<String> failures) throws Exception {
        int n = 1 + r.nextInt(60);
        String[] names = {"e.ndjson", "e.jsonl", "e.ndjson.gz", "e.txt"};
        String name = names[r.nextInt(names.length)];
        // A name that says nothing is sniffed: the file must then be mostly events (docs/eval.md).
        double garbageRate = name.equals("e.txt") ? 0.2 : 0.5;
        List<String> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int garbage = 0;
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < garbageRate) {
                String g = GARBAGE.get(r.nextInt(GARBAGE.size()));
                text.append(g).append(r.nextBoolean() ? "\n" : "\r\n");
                garbage++;
            }
            if (r.nextInt(8) == 0) text.append(r.nextBoolean() ? "\n" : "   \n");
            ObjectNode o = event(r, i);
            expected.add(o.toString());
            text.append(r.nextBoolean() ? o.toString() : o.toPrettyString().replace("\n", " ")).append('\n');
        }
        Path f = write(dir.resolve(seed + "-" + name), text.toString());
        CollectedEvents got = CollectedEvents.read(f, null);
        compare(failures, "seed " + seed + " " + name, expected, got, garbage, text.toString());
    }

    private static void csv(long seed, Random r, Path dir, List<String> failures) throws Exception {
        int cols = 2 + r.nextInt(3);
        List<String> header = List.of("Src Proc Name", "Endpoint Name", "Tgt File Path", "Dst Port").subList(0, cols);
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        List<List<String>> rows = new ArrayList<>();
        int garbage = 0;
        int n = 1 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(3) == 0) {
                // a garbage line: a cell count the header does not have, no quote (a quote opens a cell, RFC 4180)
                int cells = r.nextBoolean() ? 1 : cols + 1 + r.nextInt(3);
                text.append(String.join(",", java.util.Collections.nCopies(cells, "junk"))).append('\n');
                garbage++;
            }
            List<String> row = new ArrayList<>();
            for (int c = 0; c < cols; c++) row.add(c == 0 ? "p" + i : VALUES.get(r.nextInt(VALUES.size())));
            rows.add(row);
            List<String> cells = new ArrayList<>();
            for (String v : row) cells.add(v.contains(",") || v.contains("\"") || v.contains("\n") || r.nextInt(4) == 0
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            text.append(String.join(",", cells)).append(r.nextBoolean() ? "\n" : "\r\n");
        }
        Path f = write(dir.resolve(seed + "-e.csv"), text.toString());
        CollectedEvents got = CollectedEvents.read(f, null);
        String where = "seed " + seed + " e.csv";
        if (got.events.size() != rows.size() || got.malformed.size() != garbage) {
            failures.add(where + ": " + got.events.size() + " events of " + rows.size() + ", " + got.malformed.size()
                    + " reports for " + garbage + " garbage lines " + got.malformed + "\n    file: " + QueryChecks.show(text.toString()));
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode e = JSON.readTree(got.events.get(i));
            List<String> seen = new ArrayList<>();
            e.fields().forEachRemaining(x -> seen.add(x.getValue().asText()));
            List<String> want = rows.get(i).stream().filter(v -> !v.isEmpty()).toList();
            if (!seen.equals(want)) failures.add(where + " row " + i + ": " + seen + " instead of " + want);
        }
    }

    private static ObjectNode event(Random r, int i) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", i);
        int k = r.nextInt(4);
        for (int j = 0; j < k; j++) {
            switch (r.nextInt(4)) {
                case 0 -> o.put("tgtProcName", VALUES.get(r.nextInt(VALUES.size())));
                case 1 -> o.put("n" + j, r.nextLong());
                case 2 -> o.putObject("src").putObject("process").put("name", VALUES.get(r.nextInt(VALUES.size())));
                default -> o.putArray("list" + j).add(VALUES.get(r.nextInt(VALUES.size()))).add(r.nextDouble());
            }
        }
        return o;
    }

    private static void compare(List<String> failures, String where, List<String> expected, CollectedEvents got,
                                int garbage, String text) throws Exception {
        List<String> normalized = new ArrayList<>();
        for (String e : got.events) normalized.add(JSON.readTree(e).toString());
        if (!normalized.equals(expected) || got.malformed.size() != garbage) {
            failures.add(where + ": " + normalized.size() + " events of " + expected.size() + ", " + got.malformed.size()
                    + " reports for " + garbage + " garbage lines\n    file: " + QueryChecks.show(text));
        }
    }

    private static Path write(Path p, String text) throws Exception {
        try (OutputStream out = p.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(p))
                : Files.newOutputStream(p)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }
}
