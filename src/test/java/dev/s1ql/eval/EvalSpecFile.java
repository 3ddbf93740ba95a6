// One evaluation case read from a spec file: a query, options, a few events, the ids that must match, and the
// targets (translations run on an oracle) that are known not to agree, each with its reason.
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
 * options: enum-case=sensitive regex-case=insensitive     (optional)
 * skip.kql.mde: Defender has no column for SrcProcParentCmdLine   (optional, one per target or target group)
 * events:
 * {"id": "a", "tgtProcCmdLine": "xFooy"}
 * {"id": "b", "tgtProcCmdLine": "xfooy"}
 * expect: a
 * </pre>
 * Every event needs an "id"; {@code expect:} lists the ids that match, comma-separated (empty for none). A
 * {@code skip.<target>:} line names a target of the spec runner (dev.s1ql.oracle.SpecTargetsTest: eval, sql,
 * kql.mde, kql.sentinel-asim, spl.sysmon, spl.cim, spl.s1, or the groups kql and spl) and says why that target
 * cannot agree; the runner refuses a name it does not know and an empty reason.
 */
public record EvalSpecFile(String name, String query, EvalOptions options, List<String> events, List<String> expected,
                           Map<String, String> skips) {

    public EvalSpecFile {
        skips = Map.copyOf(skips);
    }

    public static EvalSpecFile read(Path file) throws IOException {
        String query = null;
        EvalOptions options = EvalOptions.defaults();
        List<String> events = new ArrayList<>();
        List<String> expected = null;
        Map<String, String> skips = new LinkedHashMap<>();
        boolean inEvents = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("query:")) {
                query = line.substring(6).strip();
            } else if (line.startsWith("options:")) {
                for (String opt : line.substring(8).strip().split("\\s+")) options = apply(options, opt, file);
            } else if (line.startsWith("skip.") && line.indexOf(':') > 5 && !inEvents) {
                String target = line.substring(5, line.indexOf(':')).strip();
                if (skips.put(target, line.substring(line.indexOf(':') + 1).strip()) != null) {
                    throw new IOException(file + ": skip." + target + " given twice");
                }
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
        return new EvalSpecFile(name, query, options, events, expected, skips);
    }

    private static EvalOptions apply(EvalOptions o, String opt, Path file) throws IOException {
        return switch (opt) {
            case "enum-case=sensitive" -> o.withEnumCaseInsensitive(false);
            case "regex-case=insensitive" -> o.withRegexCaseInsensitive(true);
            case "regex-budget=small" -> o.withRegexStepBudget(10_000);
            default -> throw new IOException(file + ": unknown option " + opt);
        };
    }
}
