// The PowerQuery spec suite (src/test/resources/spec/pipeline): at least 40 cases, each a pipeline with rows:, over
// every stage and every function s1ql evaluates. SpecTargetsTest runs them on every target (eval, sql, kql, spl).
package dev.s1ql.eval;

import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.Stage;
import dev.s1ql.catalog.PqFunctions;
import dev.s1ql.parse.S1ql2Parser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineSpecTest {

    static final Path SPECS = Path.of("src/test/resources/spec/pipeline");

    @Test
    void theSuiteCoversEveryStageAndEveryEvaluatedFunction() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SPECS)) {
            files = s.filter(p -> p.toString().endsWith(".spec")).sorted().toList();
        }
        assertTrue(files.size() >= 40, "pipeline spec files: " + files.size());
        Set<String> stages = new TreeSet<>();
        Set<String> functions = new TreeSet<>();
        for (Path f : files) {
            EvalSpecFile spec = EvalSpecFile.read(f);
            assertTrue(spec.hasRows(), f + " ends with rows:");
            var q = new S1ql2Parser().parse(spec.query()).query();
            for (Stage s : q.pipeline()) {
                stages.add(s instanceof Stage.Limit l && l.count() < 0 ? "nolimit" : s.getClass().getSimpleName().toLowerCase());
                for (PqExpr e : expressions(s)) {
                    for (PqExpr n : PqExpr.nodes(e)) if (n instanceof PqExpr.Call c) functions.add(c.name());
                }
            }
        }
        assertEquals(new TreeSet<>(List.of("columns", "filter", "group", "let", "limit", "nolimit", "sort", "top")), stages);
        List<String> missing = new ArrayList<>();
        for (PqFunctions.Function f : PqFunctions.defaults().all()) {
            if (f.evaluated() && !functions.contains(f.name())) missing.add(f.name());
        }
        assertEquals(List.of(), missing, "evaluated functions no spec file uses");
    }

    private static List<PqExpr> expressions(Stage s) {
        List<PqExpr> out = new ArrayList<>();
        if (s instanceof Stage.Filter f) out.add(f.condition());
        else if (s instanceof Stage.Columns c) c.columns().forEach(n -> out.add(n.value()));
        else if (s instanceof Stage.Let l) l.assignments().forEach(n -> out.add(n.value()));
        else if (s instanceof Stage.Group g) {
            g.aggregates().forEach(n -> out.add(n.value()));
            g.by().forEach(n -> out.add(n.value()));
        } else if (s instanceof Stage.Sort so) so.keys().forEach(k -> out.add(k.value()));
        else if (s instanceof Stage.Top t) out.add(t.aggregate().value());
        return out;
    }
}
