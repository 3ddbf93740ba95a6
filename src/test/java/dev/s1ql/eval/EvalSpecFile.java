// One evaluation case read from a spec file: a query, options, a few events, and the ids that must match.
package dev.s1ql.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Format (lines starting with '#' are comments):
 * <pre>
 * query: TgtProcCmdLine Contains "Foo"
 * options: enum-case=sensitive regex-case=sensitive     (optional)
 * events:
 * {"id": "a", "tgtProcCmdLine": "xFooy"}
 * {"id": "b", "tgtProcCmdLine": "xfooy"}
 * expect: a
 * </pre>
 * Every event needs an "id"; {@code expect:} lists the ids that match, comma-separated (empty for none).
 */
public record EvalSpecFile(String name, String query, EvalOptions options, List<String> events, List<String> expected) {

    public static EvalSpecFile read(Path file) throws IOException {
        String query = null;
        EvalOptions options = EvalOptions.defaults();
        List<String> events = new ArrayList<>();
        List<String> expected = null;
        boolean inEvents = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("query:")) {
                query = line.substring(6).strip();
            } else if (line.startsWith("options:")) {
                for (String opt : line.substring(8).strip().split("\\s+")) options = apply(options, opt, file);
            } else if (line.startsWith("events:")) {
                inEvents = true;
            } else if (line.startsWith("expect:")) {
                inEvents = false;
                String ids = line.substring(7).strip();
                expected = ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(String::strip).toList();
            } else if (inEvents) {
                events.add(line);
            } else {
                throw new IOException(file + ": unexpected line: " + line);
            }
        }
        if (query == null || expected == null) throw new IOException(file + ": needs query: and expect:");
        String name = file.getFileName().toString().replaceFirst("\\.spec$", "");
        return new EvalSpecFile(name, query, options, events, expected);
    }

    private static EvalOptions apply(EvalOptions o, String opt, Path file) throws IOException {
        return switch (opt) {
            case "enum-case=sensitive" -> o.withEnumCaseInsensitive(false);
            case "regex-case=insensitive" -> o.withRegexCaseInsensitive(true);
            case "regex-case=sensitive" -> o.withRegexCaseInsensitive(false);
            case "regex-budget=small" -> o.withRegexStepBudget(10_000);
            default -> throw new IOException(file + ": unknown option " + opt);
        };
    }
}
