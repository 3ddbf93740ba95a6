// `s1ql translate` end to end (in-process): output, rule-document header, JSON lines, -o DIR, --strict, and the
// exit codes 0 / 1 / 2.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslateCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static final String PROCESS = "EventType = \"Process Creation\" AND TgtProcCmdLine ContainsCIS \"-enc\"";

    @Test
    void translatesInlineQueryToDefender() {
        Run r = run("translate", "--to", "kql", "-q", PROCESS);
        assertEquals(0, r.exit(), r.err());
        assertEquals("DeviceProcessEvents\n| where ProcessCommandLine contains \"-enc\"\n", r.out());
    }

    @Test
    void sentinelProfileUsesAsimParser() {
        Run r = run("translate", "--to", "kql", "--profile", "sentinel-asim", "-q", PROCESS);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("_Im_ProcessCreate\n"), r.out());
    }

    @Test
    void ruleDocumentGetsTitleAndIdHeader(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("rule.md");
        Files.writeString(md, "# r\n\n## Title\nMy Rule\n\n## ID\nabc-123\n\n## SentinelOne Query\n```\n" + PROCESS + "\n```\n");
        Run r = run("translate", "--to", "kql", md.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("// My Rule\n// id: abc-123\nDeviceProcessEvents"), r.out());
    }

    @Test
    void jsonFormatIsOneObjectPerInput() throws Exception {
        Run r = run("translate", "--to", "kql", "--format", "json", "-q", PROCESS, "-q", "Description = \"x\"");
        assertEquals(1, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("kql", first.get("target").asText());
        assertEquals("mde", first.get("profile").asText());
        assertTrue(first.get("output").asText().startsWith("DeviceProcessEvents"));
        JsonNode second = new ObjectMapper().readTree(lines[1]);
        assertTrue(second.get("output").isNull());
        // the validator's warning first (S2001, every target reports it), then the translation error
        assertEquals("S2001", second.get("diagnostics").get(0).get("code").asText(), lines[1]);
        JsonNode error = second.get("diagnostics").get(1);
        assertEquals("S3001", error.get("code").asText(), lines[1]);
        // every event kind the error applies to is in the details, not only the few the message shows
        assertTrue(error.get("details").get("eventKinds").size() >= 12, lines[1]);
    }

    @Test
    void untranslatableQueryExitsOneWithDiagnosticOnStderr() {
        Run r = run("translate", "--to", "kql", "-q", "EventType = \"Process Exit\"");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("S3003"), r.err());
    }

    @Test
    void strictRefusesApproximations() {
        String q = "EventType = \"Process Creation\" AND TgtProcUser ContainsCIS \"admin\"";
        assertEquals(0, run("translate", "--to", "kql", "-q", q).exit());
        Run strict = run("translate", "--to", "kql", "--strict", "-q", q);
        assertEquals(1, strict.exit());
        assertTrue(strict.err().contains("S3004"), strict.err());
    }

    @Test
    void outputDirGetsOneFilePerInput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = run("translate", "--to", "kql", "-o", out.toString(), "-q", PROCESS, "-q", PROCESS);
        assertEquals(0, r.exit(), r.err());
        try (var files = Files.list(out)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void mappingOverlayReplacesAColumn(@TempDir Path dir) throws Exception {
        Path mapping = dir.resolve("m.tsv");
        Files.writeString(mapping, "field\tkinds\tcolumn\ttype\nTgtProcCmdLine\tprocess\tProcessCommandLineLower\tstring\n");
        Run r = run("translate", "--to", "kql", "--mapping", mapping.toString(), "-q", PROCESS);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("ProcessCommandLineLower contains \"-enc\""), r.out());
    }

    @Test
    void malformedMappingFileIsAUsageError(@TempDir Path dir) throws Exception {
        Path mapping = dir.resolve("bad.tsv");
        Files.writeString(mapping, "field\tkinds\tcolumn\ttype\nTgtProcCmdLine\tprocess\tX\tnot-a-type\n");
        Run r = run("translate", "--to", "kql", "--mapping", mapping.toString(), "-q", PROCESS);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown column type"), r.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("translate", "--to", "spl2", "-q", PROCESS).exit());
        assertEquals(2, run("translate", "--to", "kql", "--profile", "nope", "-q", PROCESS).exit());
        assertEquals(2, run("translate", "--to", "kql", "--mapping", "/no/such/file", "-q", PROCESS).exit());
        Run missing = run("translate", "-q", PROCESS);
        assertEquals(2, missing.exit());
        assertNotNull(missing.err());
    }
}
