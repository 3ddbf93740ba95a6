// The invariant of issue 13 (defect 1): for every corpus and spec query, what `fmt` prints and what the 2.0 /
// PowerQuery migration prints is read back by `validate` with no error, `fmt` output parses to the same AST,
// and every rewrite matches the same events as the original. Behaviour is compared, not today's text, so the
// invariant keeps holding when the writers change how they spell things.
package dev.s1ql.roundtrip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.SharedData;
import dev.s1ql.ast.Query;
import dev.s1ql.check.CheckOptions;
import dev.s1ql.check.Validator;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.EvalSpecFile;
import dev.s1ql.eval.PipelineFilter;
import dev.s1ql.eval.RulePack;
import dev.s1ql.events.RawEvent;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmtMigrationInvariantTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A query with where it came from. */
    record Source(String label, String text) {
    }

    /** An original and its rewrite, both ready to evaluate. */
    record Pair(String label, Query original, Query rewritten) {
    }

    @Test
    void fmtAndMigrationOutputValidateParseAlikeAndMatchTheSameEvents() throws Exception {
        List<Source> sources = sources();
        QueryReader reader = new QueryReader();
        Validator validator = new Validator(CheckOptions.DEFAULTS);
        List<String> failures = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        Set<String> events = new LinkedHashSet<>(sharedEvents());
        int read = 0;
        int rewrites = 0;
        for (Source s : sources) {
            ParseResult r = reader.read(s.text(), DialectChoice.AUTO);
            if (!r.ok()) continue; // the corpus's broken queries: counted by the corpus tests
            read++;
            events.addAll(QueryEvents.of(r.query()));
            for (Rewrites rw : Rewrites.values()) {
                if (!rw.appliesTo(r.query())) continue;
                String text = rw.apply(r.query());
                if (text == null) continue; // refused with a diagnostic (a field without a 2.0 name)
                rewrites++;
                String where = s.label() + " [" + rw.label() + "]\n    in:  " + s.text() + "\n    out: " + text;
                Validator.Result v = validator.validate(text);
                List<Diagnostic> errors = v.diagnostics().stream().filter(Diagnostic::isError).toList();
                if (!errors.isEmpty() || v.query() == null) {
                    failures.add(where + "\n    " + errors);
                    continue;
                }
                if (rw == Rewrites.FMT && !sameAst(r.query(), v.query())) {
                    failures.add(where + "\n    parses to another AST");
                    continue;
                }
                Query a = PipelineFilter.fold(r.query()).query();
                Query b = PipelineFilter.fold(v.query()).query();
                if (a != null && b != null) pairs.add(new Pair(s.label() + " [" + rw.label() + "]: " + text, a, b));
            }
        }
        failures.addAll(differentMatches(pairs, new ArrayList<>(events)));
        System.out.printf("fmt/migration invariant: %d sources, %d read, %d rewrites, %d compared on %d events%n",
                sources.size(), read, rewrites, pairs.size(), events.size());
        assertTrue(read > 3400, "the corpora must be read: " + read);
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures\n" + String.join("\n", failures));
    }

    static boolean sameAst(Query a, Query b) {
        boolean roots = a.root() == null ? b.root() == null
                : b.root() != null && a.root().normalized().equals(b.root().normalized());
        return roots && a.dialect() == b.dialect() && a.pipeline().size() == b.pipeline().size();
    }

    /** Evaluates originals in one pack and rewrites in another over the same events; lists the rules that differ. */
    static List<String> differentMatches(List<Pair> pairs, List<String> events) throws Exception {
        RulePack originals = new RulePack(EvalOptions.defaults());
        RulePack rewritten = new RulePack(EvalOptions.defaults());
        for (Pair p : pairs) {
            originals.add(p.original());
            rewritten.add(p.rewritten());
        }
        originals.finish();
        rewritten.finish();
        List<BitSet> m1 = run(originals, events, pairs.size());
        List<BitSet> m2 = run(rewritten, events, pairs.size());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (!m1.get(i).equals(m2.get(i))) {
                BitSet diff = (BitSet) m1.get(i).clone();
                diff.xor(m2.get(i));
                out.add(pairs.get(i).label() + "\n    matches differ, e.g. on " + events.get(diff.nextSetBit(0)));
            }
        }
        return out;
    }

    private static List<BitSet> run(RulePack pack, List<String> events, int rules) throws Exception {
        List<BitSet> out = new ArrayList<>();
        for (int i = 0; i < rules; i++) out.add(new BitSet());
        for (int n = 0; n < events.size(); n++) {
            int event = n;
            pack.evaluate(RawEvent.of("events", n + 1, events.get(n).getBytes(StandardCharsets.UTF_8)),
                    (rule, e) -> out.get(rule).set(event));
        }
        return out;
    }

    /** Every query of the corpora and of the project's spec files. */
    static List<Source> sources() throws Exception {
        List<Source> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("corpus/sigma_s1.jsonl"))) {
            JsonNode j = JSON.readTree(line);
            out.add(new Source("sigma_s1 " + j.get("id").asText() + " (1.0)", j.get("s1ql").asText()));
            if (!j.get("s1pq").isNull()) out.add(new Source("sigma_s1 " + j.get("id").asText() + " (pq)", j.get("s1pq").asText()));
        }
        for (String line : Files.readAllLines(SharedData.require("corpus/s1_official_pairs.jsonl"))) {
            JsonNode j = JSON.readTree(line);
            out.add(new Source("official " + j.get("uuid").asText() + " (1.0)", j.get("s1ql_1_0").asText()));
            out.add(new Source("official " + j.get("uuid").asText() + " (2.0)",
                    j.get("s1ql_2_0_official_translation").asText()));
        }
        for (String line : Files.readAllLines(SharedData.require("spec/s1ql_v1_tricky_cases.tsv"))) {
            String[] cols = line.split("\t", 2);
            if (cols.length == 2) out.add(new Source("tricky " + cols[0], cols[1]));
        }
        try (Stream<Path> specs = Files.list(Path.of("src/test/resources/spec/eval"))) {
            for (Path p : specs.sorted().toList()) {
                out.add(new Source("spec " + p.getFileName(), EvalSpecFile.read(p).query()));
            }
        }
        assertEquals(out.size(), out.stream().map(Source::label).distinct().count(), "labels are unique");
        return out;
    }

    /** The Deep Visibility events in ../shared, each line an event. */
    static List<String> sharedEvents() throws Exception {
        List<String> out = new ArrayList<>();
        for (String f : List.of("dv_mordor_sample.ndjson", "dv_sigma_regression.ndjson", "dv_api_samples.ndjson")) {
            for (String line : Files.readAllLines(SharedData.require("data/events/" + f))) {
                if (!line.isBlank()) out.add(line);
            }
        }
        return out;
    }
}
