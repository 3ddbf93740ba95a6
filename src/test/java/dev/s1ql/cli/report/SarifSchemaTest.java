// `validate --format sarif` against the official SARIF 2.1.0 JSON schema (src/test/resources/sarif/, see its README):
// a result for every diagnostic code, at every severity, from files below and outside the working directory and from
// -q; and the real command on real inputs. The validator is first shown to reject broken logs.
package dev.s1ql.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.s1ql.ast.Span;
import dev.s1ql.cli.Main;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifSchemaTest {

    static Schema schema;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertTrue(in != null, "src/test/resources/sarif/sarif-schema-2.1.0.json is missing");
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    static List<String> problems(JsonNode log) {
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(log)) out.add(e.getInstanceLocation() + ": " + e.getMessage());
        return out;
    }

    @Test
    void theSchemaRejectsBrokenLogs() throws Exception {
        ObjectNode good = log(List.of(Code.UNKNOWN_FIELD));
        assertEquals(List.of(), problems(good));
        ObjectNode noVersion = good.deepCopy();
        noVersion.remove("version");
        assertFalse(problems(noVersion).isEmpty());
        ObjectNode badLevel = good.deepCopy();
        ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
        assertFalse(problems(badLevel).isEmpty());
        ObjectNode lineZero = good.deepCopy();
        ((ObjectNode) lineZero.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        assertFalse(problems(lineZero).isEmpty());
        ObjectNode extra = good.deepCopy();
        ((ObjectNode) extra.at("/runs/0/results/0")).put("severity", "warning");   // not a SARIF property
        assertFalse(problems(extra).isEmpty());
    }

    @Test
    void everyDiagnosticCodeGivesAValidResultAndItsRule() throws Exception {
        List<Code> all = List.of(Code.values());
        ObjectNode log = log(all);
        assertEquals(List.of(), problems(log), log.toPrettyString());

        JsonNode run = log.at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(all.size(), rules.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : run.get("results")) {
            String id = r.get("ruleId").asText();
            JsonNode rule = rules.get(r.get("ruleIndex").asInt());
            assertEquals(id, rule.get("id").asText(), "ruleIndex points at the result's rule");
            assertFalse(rule.at("/shortDescription/text").asText().isBlank(), id);
            assertFalse(rule.at("/help/text").asText().isBlank(), id);
            seen.add(id);
        }
        for (Code c : all) assertTrue(seen.contains(c.id()), "no result for " + c.id());
        assertEquals("s1ql", run.at("/tool/driver/name").asText());
    }

    @Test
    void locationsAreRelativeToTheWorkingDirectoryWithColumnRanges() throws Exception {
        ObjectNode log = log(List.of(Code.UNKNOWN_FIELD));
        JsonNode first = log.at("/runs/0/results/0");
        JsonNode loc = first.at("/locations/0/physicalLocation");
        assertEquals("rules/windows/dns%20lookup.md", loc.at("/artifactLocation/uri").asText());
        assertEquals(SarifLog.SRCROOT, loc.at("/artifactLocation/uriBaseId").asText());
        // the span is line 2, columns 3..7 of the query; the query starts after 30 lines of the rule document
        assertEquals(32, loc.at("/region/startLine").asInt());
        assertEquals(3, loc.at("/region/startColumn").asInt());
        assertEquals(8, loc.at("/region/endColumn").asInt(), "SARIF's endColumn is the column after the region");
        assertEquals("warning", first.get("level").asText());
        assertEquals("Suspicious thing", first.at("/properties/ruleTitle").asText());
        // a file outside the working directory: an absolute file URI; -q: no location, the input in properties
        JsonNode outside = log.at("/runs/0/results/1/locations/0/physicalLocation/artifactLocation");
        assertTrue(outside.get("uri").asText().startsWith("file:/"), outside.toString());
        assertFalse(outside.has("uriBaseId"));
        JsonNode inline = log.at("/runs/0/results/2");
        assertFalse(inline.has("locations"));
        assertEquals("-q", inline.at("/properties/input").asText());
    }

    @Test
    void infoIsANoteAndDetailsAreKept() throws Exception {
        SarifLog sarif = new SarifLog(JSON, Path.of(""), "test");
        QueryInput in = new QueryInput("-q", "x", 0, null, null);
        sarif.add(in, List.of(Diagnostic.of(Code.TRANSLATION_TABLE_DROPPED, "dropped", span())
                .withSeverity(Severity.INFO).withDetail("lost", List.of("a", "b"))));
        ObjectNode log = sarif.build(0);
        assertEquals(List.of(), problems(log));
        assertEquals("note", log.at("/runs/0/results/0/level").asText());
        assertEquals("b", log.at("/runs/0/results/0/properties/details/lost/1").asText());
    }

    @Test
    void validateCommandWritesAValidLogAndGatesOnItsLevel(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("syntax.s1ql"), "TgtProcName = \"a\" AND (\n");
        Files.writeString(dir.resolve("typo.s1ql"), "-- a comment\nTgtProcCmdLin ContainsCIS \"x\"\n");
        Files.writeString(dir.resolve("regex.s1ql2"), "tgt.process.cmdline matches '(unclosed'\n");
        Files.writeString(dir.resolve("fine.pq"), "tgt.process.name = 'cmd.exe' | columns tgt.process.name\n");
        Run r = run("validate", "--format", "sarif", dir.toString(), "examples/");
        assertEquals(1, r.exit(), r.err());
        JsonNode log = JSON.readTree(r.out());
        assertEquals(List.of(), problems(log));
        Set<String> ids = new HashSet<>();
        for (JsonNode res : log.at("/runs/0/results")) ids.add(res.get("ruleId").asText());
        assertTrue(ids.containsAll(List.of("S1001", "S2001", "S2004")), ids.toString());
        assertTrue(r.err().contains("s1ql validate: 11 queries checked"), r.err());
        boolean relative = false;
        for (JsonNode res : log.at("/runs/0/results")) {
            String uri = res.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
            if (uri.startsWith("examples/")) relative = true;
        }
        assertTrue(relative, "examples/ is below the working directory, so its paths are relative");

        Path warningsOnly = dir.resolve("warnings");
        Files.createDirectories(warningsOnly);
        Files.writeString(warningsOnly.resolve("typo.s1ql"), "TgtProcCmdLin ContainsCIS \"x\"\n");
        assertEquals(0, run("validate", "--format", "sarif", warningsOnly.toString()).exit());
        Run gate = run("validate", "--format", "sarif", "--fail-on", "warning", warningsOnly.toString());
        assertEquals(1, gate.exit());
        assertEquals(1, JSON.readTree(gate.out()).at("/runs/0/invocations/0/exitCode").asInt());
    }

    // --- helpers ---

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(dev.s1ql.cli.ProjectConfig.NONE);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    static Span span() {
        return new Span(10, 15, 2, 3, 2, 7);
    }

    /**
     * A log with, for each code, one diagnostic in a rule document below the working directory; plus, for the first
     * code, the same in a file outside it and in a -q query.
     */
    static ObjectNode log(List<Code> codes) throws Exception {
        SarifLog sarif = new SarifLog(JSON, Path.of(""), "test");
        QueryInput doc = new QueryInput("rules/windows/dns lookup.md", "q\nq", 30, "Suspicious thing", "id-1");
        QueryInput outside = new QueryInput(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()
                .resolve("elsewhere.s1ql").toString(), "q\nq", 0, null, null);
        QueryInput inline = new QueryInput("-q", "q\nq", 0, null, null);
        boolean first = true;
        for (Code c : codes) {
            Diagnostic d = new Diagnostic(c.severity(), c, "message of " + c.id() + ": 'quotes' \"and\" \\ ", span(),
                    c.ordinal() % 2 == 0 ? "a hint" : null, c.ordinal() % 3 == 0 ? Map.of("kinds", List.of("x")) : null);
            sarif.add(doc, List.of(d));
            if (first) {
                sarif.add(outside, List.of(d));
                sarif.add(inline, List.of(d));
                first = false;
            }
        }
        return sarif.build(1);
    }
}
