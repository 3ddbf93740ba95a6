// `s1ql eval --engine duckdb` against the built-in engine, through the CLI: on examples/ and on the events of every
// evaluation spec file, --count --format json lines and matching events (NDJSON) must be the same.
package dev.s1ql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.EvalSpecFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in engine's match lines carry the event's line number, which DuckDB's scan does not know; the lines
 * are compared without it. Spec files with evaluation options other than the defaults: the engine refuses
 * --enum-case sensitive and --regex-case insensitive (a usage error, tested); a spec that only sets a smaller
 * regex step budget runs on both engines with the default budget. A spec file tagged skip.sql (the SQL translation
 * cannot run it, e.g. a look-ahead RE2 lacks) must be refused by the engine with an error.
 */
class DuckDbEngineCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static void assertSameOutput(String... evalArgs) throws Exception {
        List<String> builtin = new ArrayList<>(List.of("eval", "--no-progress"));
        builtin.addAll(List.of(evalArgs));
        List<String> duck = new ArrayList<>(builtin);
        duck.add(1, "--engine=duckdb");
        TranslateCommandTest.Run b = TranslateCommandTest.run(builtin.toArray(String[]::new));
        TranslateCommandTest.Run d = TranslateCommandTest.run(duck.toArray(String[]::new));
        assertEquals(b.exit(), d.exit(), () -> "exit codes; duckdb stderr: " + d.err());
        assertEquals(withoutLine(b.out()), withoutLine(d.out()), () -> String.join(" ", evalArgs));
    }

    private static List<String> withoutLine(String out) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (l.isBlank()) continue;
            ObjectNode n = (ObjectNode) JSON.readTree(l);
            n.remove("line");
            lines.add(n.toString());
        }
        return lines;
    }

    @Test
    void examplesGiveTheSameCountsAndMatches() throws Exception {
        assertSameOutput("--events", "examples/dns_events.ndjson", "examples/dns_query_win_susp_external_ip_lookup.md");
        assertSameOutput("--events", "examples/dns_events.ndjson", "--count", "--format", "json", "examples/");
        assertSameOutput("--events", "examples/dns_events.ndjson", "examples/queries");
    }

    @TestFactory
    Stream<DynamicTest> everySpecFileGivesTheSameCountsAndMatches() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/spec/eval"))) {
            files = s.filter(p -> p.toString().endsWith(".spec")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            EvalSpecFile spec = EvalSpecFile.read(f);
            Path events = tmp.resolve(spec.name() + ".ndjson");
            Files.write(events, spec.events());
            // A smaller regex step budget only changes the built-in engine (RE2 is linear): both run the default.
            boolean budgetOnly = spec.options().withRegexStepBudget(EvalOptions.defaults().regexStepBudget())
                    .equals(EvalOptions.defaults());
            if (!spec.options().equals(EvalOptions.defaults()) && !budgetOnly) {
                TranslateCommandTest.Run r = TranslateCommandTest.run("eval", "--engine", "duckdb", "--enum-case",
                        "sensitive", "--events", events.toString(), "-q", spec.query());
                assertEquals(2, r.exit());
                assertTrue(r.err().contains("--engine duckdb does not support"), r.err());
                return;
            }
            if (spec.skips().containsKey("sql")) {
                // The spec says the SQL translation cannot run it (skip.sql, e.g. a look-ahead RE2 lacks): the engine
                // must refuse it with an error, not answer differently.
                TranslateCommandTest.Run r = TranslateCommandTest.run("eval", "--engine", "duckdb", "--events",
                        events.toString(), "-q", spec.query());
                assertTrue(r.exit() != 0 && r.err().contains("error:"), () -> spec.skips().get("sql") + ": " + r.err());
                return;
            }
            assertSameOutput("--events", events.toString(), "-q", spec.query());
            assertSameOutput("--events", events.toString(), "--count", "--format", "json", "-q", spec.query());
        }));
    }

    @Test
    void aKeyFirstSeenPastDuckDbsSchemaSampleAndASecondSpellingAreRead() throws Exception {
        // DuckDB's JSON schema detection samples the first 20,480 lines; the engine lists every key instead.
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) lines.add("{\"id\":\"e" + i + "\",\"srcProcName\":\"a.exe\"}");
        lines.add("{\"id\":\"late\",\"registryOldPath\":\"HKLM\\\\Run\",\"SrcProcName\":\"b.exe\"}");
        lines.add("{\"id\":\"nested\",\"src\":{\"process\":{\"name\":\"b.exe\"}},\"registryOldPath\":\"x\"}");
        Path events = tmp.resolve("late.ndjson");
        Files.write(events, lines);
        assertSameOutput("--events", events.toString(), "-q", "RegistryOldPath Contains \"Run\" OR SrcProcName = \"b.exe\"");
        assertSameOutput("--events", events.toString(), "--count", "--format", "json", "-q", "SrcProcName = \"a.exe\"");
    }

    @Test
    void aQueryDuckDbCannotRunIsReportedAndTheOthersRun() throws Exception {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("a-lookahead.s1ql"), "DnsRequest RegExp \"ipify(?=\\.org)\"");
        Files.writeString(rules.resolve("b-dns.s1ql"), "ObjectType = \"DNS\"");
        TranslateCommandTest.Run d = TranslateCommandTest.run("eval", "--engine", "duckdb", "--count", "--format",
                "json", "--events", "examples/dns_events.ndjson", rules.toString());
        TranslateCommandTest.Run b = TranslateCommandTest.run("eval", "--count", "--format", "json", "--events",
                "examples/dns_events.ndjson", rules.resolve("b-dns.s1ql").toString());
        assertEquals(1, d.exit(), d.err());
        assertTrue(d.err().contains("S3008"), d.err());
        assertEquals(b.out(), d.out());
    }

    /**
     * Issue 13, defect 2: a NUL in a value went raw into the SQL literal (DuckDB: "unterminated quoted string") and
     * a regex RE2 cannot compile aborted the run with exit 2 and no count. Now the NUL is spliced in as chr(0),
     * and a query DuckDB refuses is reported with its source (S1011 or a translation error) while the others run
     * and are counted as the built-in engine counts them (exit 1).
     */
    @Test
    void aNulValueRunsAndAQueryDuckDbRefusesDoesNotSinkThePack() throws Exception {
        Path rules = tmp.resolve("pack");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("a-nul.s1ql"), "TgtProcName = \"a\u0000b\"");
        Files.writeString(rules.resolve("b-nul-contains.s1ql"), "TgtProcName Contains \"\u0000\"");
        Files.writeString(rules.resolve("c-lower.s1ql"), "TgtProcName RegExp \"\\p{Lower}\"");
        Files.writeString(rules.resolve("d-named.s1ql"), "TgtProcName RegExp \"(?<n>a)\"");
        Files.writeString(rules.resolve("e-plain.s1ql"), "TgtProcName = \"x\"");
        Files.writeString(rules.resolve("f-unicode-escape.s1ql"), "TgtProcName RegExp \"\\u0041\"");
        Files.writeString(rules.resolve("g-lookahead.s1ql"), "TgtProcName RegExp \"a(?=b)\"");
        Path events = tmp.resolve("nul.ndjson");
        Files.writeString(events, "{\"tgtProcName\":\"a\\u0000b\"}\n{\"tgtProcName\":\"x\"}\n{\"tgtProcName\":\"A\"}\n");
        TranslateCommandTest.Run d = TranslateCommandTest.run("eval", "--engine", "duckdb", "--count", "--format",
                "json", "--events", events.toString(), rules.toString());
        assertEquals(1, d.exit(), d.err());
        // RE2 spellings of Java's \\p{Lower}, (?<n>), \\u0041 are written by the translation core and run; a
        // look-ahead has none and is reported, and the other rules still run
        for (String refused : List.of("g-lookahead.s1ql")) {
            assertTrue(d.err().lines().anyMatch(l -> l.startsWith(rules.resolve(refused) + ":1:") && l.contains("error")),
                    () -> refused + " is reported:\n" + d.err());
        }
        List<String> ran = List.of("a-nul.s1ql", "b-nul-contains.s1ql", "c-lower.s1ql", "d-named.s1ql", "e-plain.s1ql",
                "f-unicode-escape.s1ql");
        TranslateCommandTest.Run b = TranslateCommandTest.run(java.util.stream.Stream.concat(
                java.util.stream.Stream.of("eval", "--count", "--format", "json", "--events", events.toString()),
                ran.stream().map(f -> rules.resolve(f).toString())).toArray(String[]::new));
        assertEquals(0, b.exit(), b.err());
        assertEquals(b.out(), d.out());
        assertTrue(d.out().contains("\"matches\":1"), d.out());
    }

    @Test
    void parquetInputGivesTheSameCountsAsItsNdjson() throws Exception {
        Path parquet = tmp.resolve("dns.parquet");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM read_ndjson('examples/dns_events.ndjson')) TO '" + parquet + "' (FORMAT parquet)");
        }
        TranslateCommandTest.Run nd = TranslateCommandTest.run("eval", "--count", "--format", "json",
                "--events", "examples/dns_events.ndjson", "examples/");
        TranslateCommandTest.Run pq = TranslateCommandTest.run("eval", "--engine", "duckdb", "--count", "--format",
                "json", "--events", parquet.toString(), "examples/");
        assertEquals(0, pq.exit(), pq.err());
        assertEquals(nd.out(), pq.out());
    }
}
