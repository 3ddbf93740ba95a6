// Runs every evaluation spec file (src/test/resources/spec/eval/*.spec) on every target, as ES|QL's csv-spec files
// run on every engine: the built-in evaluator, DuckDB over the SQL translation, the KQL oracle over the mde and
// sentinel-asim translations, and the SPL oracle over the sysmon, cim and s1 translations. On each, the matching
// events must be the spec's `expect:` ids (as a multiset in event order: a row returned twice is a difference).
// A translation error fails like a wrong result. A spec file may tag a target `skip.<target>: reason` (or a group:
// skip.kql, skip.spl) when the target cannot agree; the runner then checks that it still does not, so a tag left
// behind after a fix fails and is removed. A tag naming no target, or without a reason, fails.
package dev.s1ql.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.s1ql.eval.EvalSpecFile;
import dev.s1ql.eval.EvalTarget;
import dev.s1ql.oracle.events.S1Event;
import dev.s1ql.render.sql.SqlTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

class SpecTargetsTest {

    /** Filter cases; pipeline cases (rows:) may live in spec/pipeline. */
    static final List<Path> SPECS = List.of(Path.of("src/test/resources/spec/eval"), Path.of("src/test/resources/spec/pipeline"));

    static final List<SpecTarget> TARGETS = List.of(new EvalTarget(), new SqlTarget(), new KqlTarget("mde"),
            new KqlTarget("sentinel-asim"), new SplTarget("sysmon"), new SplTarget("cim"), new SplTarget("s1"));

    @TestFactory
    Stream<DynamicNode> everySpecFileOnEveryTarget() throws IOException {
        List<Path> files = specFiles();
        assertTrue(files.size() > 0, "no spec files in " + SPECS);
        List<DynamicNode> out = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (SpecTarget t : TARGETS) skipped.put(t.name(), 0);
        for (Path f : files) {
            EvalSpecFile spec = EvalSpecFile.read(f);
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("skip tags name known targets", () -> checkSkipTags(spec)));
            for (SpecTarget t : TARGETS) {
                String reason = skipReason(spec, t.name());
                if (reason != null) skipped.merge(t.name(), 1, Integer::sum);
                String label = t.name() + (reason == null ? "" : " (skipped: " + reason + ")");
                tests.add(DynamicTest.dynamicTest(label, () -> run(spec, t, reason)));
            }
            out.add(DynamicContainer.dynamicContainer(f.getParent().getFileName() + "/" + f.getFileName(), tests));
        }
        StringBuilder summary = new StringBuilder("spec files on every target: " + files.size() + " files; skipped per target:");
        skipped.forEach((t, n) -> summary.append(' ').append(t).append(' ').append(n).append(','));
        System.out.println(summary.substring(0, summary.length() - 1));
        return out.stream();
    }

    static List<Path> specFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : SPECS) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                out.addAll(s.filter(p -> p.toString().endsWith(".spec")).sorted().toList());
            }
        }
        return out;
    }

    /** Every name a skip tag may use: the targets and the groups before their dot. */
    static Set<String> knownTagNames() {
        Set<String> out = new LinkedHashSet<>();
        for (SpecTarget t : TARGETS) {
            out.add(t.name());
            if (t.name().contains(".")) out.add(t.name().substring(0, t.name().indexOf('.')));
        }
        return out;
    }

    static void checkSkipTags(EvalSpecFile spec) {
        for (Map.Entry<String, String> e : spec.skips().entrySet()) {
            assertTrue(knownTagNames().contains(e.getKey()), () -> spec.name() + ": skip." + e.getKey()
                    + " names no target of the runner (known: " + knownTagNames() + ")");
            assertTrue(!e.getValue().isBlank(), () -> spec.name() + ": skip." + e.getKey() + " gives no reason");
        }
    }

    /** The reason a target is skipped for the spec: its own tag, else its group's, else null. */
    static String skipReason(EvalSpecFile spec, String target) {
        String own = spec.skips().get(target);
        if (own != null) return own;
        return target.contains(".") ? spec.skips().get(target.substring(0, target.indexOf('.'))) : null;
    }

    private static void run(EvalSpecFile spec, SpecTarget target, String skipReason) throws Exception {
        String problem;
        try {
            problem = difference(spec, target.run(spec));
        } catch (TestAbortedException e) {
            throw e;
        } catch (Exception | AssertionError e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (skipReason == null) {
            if (problem != null) fail(spec.name() + " on " + target.name() + ": " + spec.query() + "\n" + problem);
        } else if (problem == null) {
            fail(spec.name() + " now agrees on " + target.name() + ": remove its skip tag (" + skipReason + ")");
        }
    }

    /** What differs between the target's result and the spec's expectation, or null when nothing does. */
    static String difference(EvalSpecFile spec, TargetRun run) {
        if (spec.hasRows()) {
            String rows = SpecRows.difference(spec.rows(), spec.ordered(), run.rows());
            return rows == null ? null : rows + "\n  target query:\n" + indent(run.query()) + "\n  event conversion:"
                    + run.conversionNotes();
        }
        Map<String, Integer> order = new LinkedHashMap<>();
        for (S1Event e : S1Event.read(spec.events())) order.put(e.id(), e.index());
        List<String> actual = new ArrayList<>(run.ids());
        actual.sort(Comparator.comparing(id -> order.getOrDefault(id, Integer.MAX_VALUE)));
        if (actual.equals(spec.expected())) return null;
        return "expected " + spec.expected() + " but the target matched " + actual + "\n  target query:\n"
                + indent(run.query()) + "\n  event conversion:" + run.conversionNotes();
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

}
