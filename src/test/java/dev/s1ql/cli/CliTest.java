// The command line end to end (in-process): exit codes, text and JSON output, rule documents, directories,
// stdin, and inputs that must give a clear error instead of a stack trace.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        return runWithStdin(null, args);
    }

    static Run runWithStdin(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream saved = System.in;
        try {
            if (stdin != null) System.setIn(new ByteArrayInputStream(stdin));
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    static final String SEED = "examples/dns_query_win_susp_external_ip_lookup.md";

    @Test
    void seedRuleDocumentValidates() {
        Run r = run("validate", SEED);
        assertEquals(0, r.exit(), r.err());
        // the three trailing-backslash values of the seed are reported with file positions
        assertTrue(r.out().contains(SEED + ":31:"), r.out());
        assertTrue(r.err().contains("1 query checked: 0 with errors"), r.err());
    }

    @Test
    void jsonOutputHasOneLinePerInputWithFilePositions() throws Exception {
        Run r = run("validate", "--format", "json", "-q", "TgtProcCmdLine Containz \"x\"", SEED);
        assertEquals(1, r.exit());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("-q#1".equals(first.get("source").asText()) ? "-q#1" : "-q", first.get("source").asText());
        assertFalse(first.get("valid").asBoolean());
        JsonNode d = first.get("diagnostics").get(0);
        assertEquals("error", d.get("severity").asText());
        assertEquals("S1007", d.get("code").asText());
        assertEquals(1, d.get("line").asInt());
        assertEquals(16, d.get("column").asInt());
        JsonNode seed = new ObjectMapper().readTree(lines[1]);
        assertEquals("Suspicious DNS Query for IP Lookup Service APIs", seed.get("title").asText());
        assertEquals("ec82e2a5-81ea-4211-a1f8-37a0286df2c2", seed.get("id").asText());
        assertTrue(seed.get("valid").asBoolean());
        assertEquals(31, seed.get("diagnostics").get(0).get("line").asInt());
    }

    @Test
    void syntaxErrorPrintsCaretAndExitsOne() {
        Run r = run("validate", "-q", "EventType = \"Process Creation\" AND TgtProcName In Contains AnyCase \"a\"");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("-q:1:68: error: expected a value list '(' after 'In Contains AnyCase'"), r.out());
        assertTrue(r.out().contains("^~~"), r.out());
    }

    @Test
    void directoryIsARulePack(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.s1ql"), "TgtProcName = \"cmd.exe\"");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.txt"), "TgtProcName = ");
        Files.writeString(dir.resolve("README.md"), "# not a rule document\n");
        Files.writeString(dir.resolve("ignored.json"), "{}");
        Run r = run("validate", "--format", "json", dir.toString());
        assertEquals(1, r.exit());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].contains("a.s1ql") && lines[0].contains("\"valid\":true"));
        assertTrue(lines[1].contains("b.txt") && lines[1].contains("\"valid\":false"));
    }

    @Test
    void stdinIsRead() {
        Run r = runWithStdin("TgtProcName = \"cmd.exe\"".getBytes(StandardCharsets.UTF_8), "validate", "-");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void badInputsGiveClearErrorsAndNonZeroExit(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.s1ql");
        Files.write(bad, new byte[]{'a', ' ', '=', ' ', '"', (byte) 0xC3, (byte) 0x28, '"'});
        Run r = run("validate", bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains(bad + ":1:6: error: not valid UTF-8 text (bad byte at offset 5) [S1005]"), r.out());

        Run missing = run("validate", dir.resolve("nope.s1ql").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file or directory"));

        Run empty = run("validate", "-q", "");
        assertEquals(1, empty.exit());
        assertTrue(empty.out().contains("the query is empty"));

        Path garbage = dir.resolve("garbage.txt");
        Files.write(garbage, new byte[]{0, 1, 2, 3, 'a', 0x7f, 0x10});
        Run g = run("validate", garbage.toString());
        assertEquals(1, g.exit());
        assertTrue(g.out().contains("unexpected character"), g.out());
        assertFalse(g.err().contains("Exception"), g.err());

        Run usage = run("validate", "--format", "yaml", "-q", "a = \"b\"");
        assertEquals(2, usage.exit());
    }

    @Test
    void ruleDocumentWithoutQuerySectionIsAnError(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("rule.md");
        Files.writeString(md, "# rule\n\n## Title\nX\n");
        Run r = run("validate", md.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no '## SentinelOne Query' section"), r.err());
    }

    @Test
    void fmtPrintsCanonicalFormAndCheckReportsNonCanonical(@TempDir Path dir) throws Exception {
        Run r = run("fmt", "-q", "tgtprocname   containscis \"a\" and (objecttype = \"dns\")");
        assertEquals(0, r.exit());
        assertEquals("TgtProcName ContainsCIS \"a\" AND ObjectType = \"dns\"", r.out().strip());

        Path f = dir.resolve("q.s1ql");
        Files.writeString(f, "tgtprocname = \"a\"\n");
        Run check = run("fmt", "--check", f.toString());
        assertEquals(1, check.exit());
        assertTrue(check.err().contains("not canonical: " + f));
        assertEquals(0, run("fmt", "--write", f.toString()).exit());
        assertEquals("TgtProcName = \"a\"\n", Files.readString(f));
        assertEquals(0, run("fmt", "--check", f.toString()).exit());
    }

    @Test
    void fmtWriteRewritesOnlyTheQueryBlockOfARuleDocument(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("rule.md");
        String before = "# r\n\n## Title\nT\n\n## SentinelOne Query\n```\ntgtprocname = \"a\"\n```\n\n## Notes\nkeep\n";
        Files.writeString(md, before);
        assertEquals(0, run("fmt", "--write", md.toString()).exit());
        assertEquals(before.replace("tgtprocname", "TgtProcName"), Files.readString(md));
    }

    @Test
    void parseJsonGivesTheAst() throws Exception {
        Run r = run("parse", "--json", "-q", "NOT TgtProcName In AnyCase (\"a.exe\")");
        assertEquals(0, r.exit());
        JsonNode ast = new ObjectMapper().readTree(r.out()).get("ast");
        assertEquals("not", ast.get("type").asText());
        JsonNode p = ast.get("operand");
        assertEquals("in", p.get("operator").get("kind").asText());
        assertTrue(p.get("operator").get("caseInsensitive").asBoolean());
        assertEquals("TgtProcName", p.get("field").get("resolved").asText());
        assertEquals("a.exe", p.get("values").get(0).get("value").asText());
    }

    @Test
    void helpAndVersion() {
        Run help = run("validate", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Examples:"));
        Run version = run("--version");
        assertTrue(version.out().startsWith("s1ql "));
        Run none = run();
        assertEquals(2, none.exit());
        Run completion = run("generate-completion");
        assertTrue(completion.out().contains("s1ql"));
    }

    /**
     * Issue 13, defect 4: one file that is not UTF-8 stopped the whole run (exit 2, nothing else read). It is
     * reported like a query with an error (S1005, exit 1) and every command goes on with the other files.
     */
    @Test
    void aFileThatIsNotUtf8IsReportedAndTheOthersAreRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.s1ql"), "TgtProcName = \"cmd.exe\"");
        Files.write(dir.resolve("b.s1ql"), new byte[]{'T', 'g', 't', 'P', 'r', 'o', 'c', 'N', 'a', 'm', 'e', ' ', '=',
                ' ', '"', (byte) 0xE9, '"'});
        Files.writeString(dir.resolve("c.s1ql"), "TgtProcName = \"x.exe\"");
        Path events = dir.resolve("e.ndjson");
        Files.writeString(events, "{\"tgtProcName\":\"cmd.exe\"}\n{\"tgtProcName\":\"x.exe\"}\n");
        String bad = dir.resolve("b.s1ql") + ":1:16: error: not valid UTF-8 text (bad byte at offset 15) [S1005]";

        Run v = run("validate", dir.toString());
        assertEquals(1, v.exit(), v.err());
        assertTrue(v.out().contains(bad), v.out());
        assertTrue(v.err().contains("3 queries checked: 1 with errors"), v.err());
        Run vj = run("validate", "--format", "json", dir.toString());
        assertEquals(3, vj.out().strip().split("\n").length, vj.out());
        assertTrue(vj.out().contains("\"code\":\"S1005\""), vj.out());

        Run t = run("translate", "--to", "kql", dir.toString());
        assertEquals(1, t.exit(), t.err());
        assertTrue(t.err().contains(bad), t.err());
        assertTrue(t.out().contains("cmd.exe") && t.out().contains("x.exe"), t.out());

        Run f = run("fmt", dir.toString());
        assertEquals(1, f.exit(), f.err());
        assertTrue(f.err().contains(bad), f.err());
        assertEquals(List.of("TgtProcName = \"cmd.exe\"", "TgtProcName = \"x.exe\""), f.out().strip().lines().toList());

        Run e = run("eval", "--events", events.toString(), "--count", dir.toString());
        assertEquals(1, e.exit(), e.err());
        assertTrue(e.err().contains(bad), e.err());
        assertTrue(e.out().contains("1 / 2  " + dir.resolve("a.s1ql")) && e.out().contains("1 / 2  " + dir.resolve("c.s1ql")), e.out());

        Run p = run("parse", dir.toString());
        assertEquals(1, p.exit(), p.err());
        assertTrue(p.err().contains(bad), p.err());
    }
}
