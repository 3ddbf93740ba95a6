// One evaluation case read from a spec file: a query, options, a few events, what must come out (the ids of the
// matching events for a filter, or the rows of a PowerQuery pipeline), and the targets (translations run on an
// oracle) that are known not to agree, each with its reason.
package dev.s1ql.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Format (lines starting with '#' are comments):
 * <pre>
 * query: TgtProcCmdLine Contains "Foo"
 * options: enum-case=sensitive regex-case=sensitive     (optional)
 * skip.kql.mde: Defender has no column for SrcProcParentCmdLine   (optional, one per target or target group)
 * events:
 * {"id": "a", "tgtProcCmdLine": "xFooy"}
 * {"id": "b", "tgtProcCmdLine": "xfooy"}
 * expect: a
 * </pre>
 * Every event needs an "id"; {@code expect:} lists the ids that match, comma-separated (empty for none).
 * <p>
 * A pipeline case ends with {@code rows:} (or {@code rows in order:} when the query's sort fixes the order)
 * instead of {@code expect:}, then one JSON object per line: the rows the pipeline outputs, compared as multisets
 * unless in order (dev.s1ql.oracle.SpecRows says how values compare).
 * <p>
 * A {@code skip.<target>: reason} line (also written {@code skip: <target> reason}) names a target of the spec
 * runner (dev.s1ql.oracle.SpecTargetsTest: eval, sql, kql.mde, kql.sentinel-asim, spl.sysmon, spl.cim, spl.s1, or
 * the groups kql and spl) and says why that target cannot agree; the runner refuses a name it does not know and an
 * empty reason.
 */
public record EvalSpecFile(String name, String query, EvalOptions options, List<String> events, List<String> expected,
                           List<String> rows, boolean ordered, Map<String, String> skips) {

    public EvalSpecFile {
        skips = Map.copyOf(skips);
    }

    /** A filter case (expect:) without skip tags. */
    public EvalSpecFile(String name, String query, EvalOptions options, List<String> events, List<String> expected) {
        this(name, query, options, events, expected, null, false, Map.of());
    }

    /** Whether the case gives rows (a pipeline) rather than matching ids. */
    public boolean hasRows() {
        return rows != null;
    }

    public static EvalSpecFile read(Path file) throws IOException {
        String query = null;
        EvalOptions options = EvalOptions.defaults();
        List<String> events = new ArrayList<>();
        List<String> expected = null;
        List<String> rows = null;
        boolean ordered = false;
        Map<String, String> skips = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("query:")) {
                query = line.substring(6).strip();
            } else if (line.startsWith("options:")) {
                for (String opt : line.substring(8).strip().split("\\s+")) options = apply(options, opt, file);
            } else if (section.isEmpty() && (line.startsWith("skip.") && line.indexOf(':') > 5 || line.startsWith("skip:"))) {
                String target;
                String reason;
                if (line.startsWith("skip:")) {
                    String[] parts = line.substring(5).strip().split("\\s+", 2);
                    target = parts[0];
                    reason = parts.length > 1 ? parts[1] : "";
                } else {
                    target = line.substring(5, line.indexOf(':')).strip();
                    reason = line.substring(line.indexOf(':') + 1).strip();
                }
                if (skips.put(target, reason) != null) throw new IOException(file + ": skip." + target + " given twice");
            } else if (line.startsWith("events:")) {
                section = "events";
            } else if (line.startsWith("expect:")) {
                section = "";
                String ids = line.substring(7).strip();
                expected = ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(String::strip).toList();
            } else if (line.equals("rows:") || line.equals("rows in order:")) {
                section = "rows";
                rows = new ArrayList<>();
                ordered = line.equals("rows in order:");
            } else if (section.equals("events")) {
                events.add(line);
            } else if (section.equals("rows")) {
                rows.add(line);
            } else {
                throw new IOException(file + ": unexpected line: " + line);
            }
        }
        if (query == null || (expected == null) == (rows == null)) {
            throw new IOException(file + ": needs query: and one of expect: or rows:");
        }
        String name = file.getFileName().toString().replaceFirst("\\.spec$", "");
        return new EvalSpecFile(name, query, options, events, expected, rows == null ? null : List.copyOf(rows), ordered,
                skips);
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
