// `s1ql translate --to spl` end to end (in-process): text and JSON output, exit codes, the rule-document header
// as SPL comments, -o DIR, --index/--sourcetype, and usage errors for unknown targets, profiles and unreadable mapping files.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplTranslateCommandTest {

    private static final String PROC = "EventType = \"Process Creation\" AND EndpointOS = \"windows\" AND "
            + "TgtProcCmdLine ContainsCIS \"-enc\"";

    @Test
    void textOutputIsTheQueryAndExitZero() {
        CliTest.Run r = CliTest.run("translate", "--to", "spl", "-q", PROC);
        assertEquals(0, r.exit(), r.err());
        assertEquals("source=\"XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\" EventCode=1 "
                + "CommandLine=\"*-enc*\"", r.out().strip());
    }

    @Test
    void indexAndSourcetypeOptionsGoInFrontAndWinOverTheMappingFile(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("translate", "--to", "spl", "--profile", "s1", "--index", "sentinelone",
                "--sourcetype", "sentinelone:dv", "-q", "SrcProcName = \"a.exe\"");
        assertEquals(0, r.exit(), r.err());
        assertEquals("index=sentinelone sourcetype=sentinelone:dv | where (isnotnull(SrcProcName) AND "
                + "SrcProcName==\"a.exe\")", r.out().strip());
        Path overlay = dir.resolve("site.tsv");
        Files.writeString(overlay, "kind\ts1\tscope\tdetail\ttarget\texact\tsource\n"
                + "setting\tindex\t\t\tfromfile\tyes\ttest\n");
        CliTest.Run fromFile = CliTest.run("translate", "--to", "spl", "--profile", "s1", "--mapping",
                overlay.toString(), "-q", "SrcProcName = \"a.exe\"");
        assertTrue(fromFile.out().startsWith("index=fromfile "), fromFile.out());
        CliTest.Run flagWins = CliTest.run("translate", "--to", "spl", "--profile", "s1", "--mapping",
                overlay.toString(), "--index", "fromflag", "-q", "SrcProcName = \"a.exe\"");
        assertTrue(flagWins.out().startsWith("index=fromflag "), flagWins.out());
        CliTest.Run kql = CliTest.run("translate", "--to", "kql", "--index", "x", "-q", "SrcProcName = \"a.exe\"");
        assertEquals(2, kql.exit());
        assertTrue(kql.err().contains("--index does not apply to --to kql"), kql.err());
    }

    @Test
    void ruleDocumentGetsACommentHeaderInEveryProfile() {
        for (String profile : new String[]{"sysmon", "cim", "s1"}) {
            CliTest.Run r = CliTest.run("translate", "--to", "spl", "--profile", profile, CliTest.SEED);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("``` Suspicious DNS Query for IP Lookup Service APIs ```\n"
                    + "``` id: ec82e2a5-81ea-4211-a1f8-37a0286df2c2 ```\n"), r.out());
        }
    }

    @Test
    void jsonLinesCarryProfileOutputAndDiagnostics() throws Exception {
        CliTest.Run r = CliTest.run("translate", "--to", "spl", "--format", "json", "-q", PROC, "-q",
                "ObjectType = \"File\" AND EndpointOS = \"windows\" AND SrcProcCmdLine ContainsCIS \"x\"");
        assertEquals(1, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        JsonNode ok = new ObjectMapper().readTree(lines[0]);
        assertEquals("spl", ok.get("target").asText());
        assertEquals("sysmon", ok.get("profile").asText());
        assertTrue(ok.get("output").asText().contains("CommandLine=\"*-enc*\""));
        JsonNode bad = new ObjectMapper().readTree(lines[1]);
        assertTrue(bad.get("output").isNull());
        assertEquals("S3001", bad.get("diagnostics").get(0).get("code").asText());
    }

    @Test
    void strictMakesApproximationsFail() {
        String q = "ObjectType = \"Registry\" AND EndpointOS = \"windows\" AND RegistryValue ContainsCIS \"x\"";
        assertEquals(0, CliTest.run("translate", "--to", "spl", "-q", q).exit());
        CliTest.Run strict = CliTest.run("translate", "--to", "spl", "--strict", "-q", q);
        assertEquals(1, strict.exit());
        assertTrue(strict.err().contains("[S3011]"), strict.err());
    }

    @Test
    void outputDirectoryGetsOneFilePerInput(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("translate", "--to", "spl", "-o", dir.toString(), CliTest.SEED);
        assertEquals(0, r.exit(), r.err());
        // a file given by name lands at its relative path; the header is in SPL's comment syntax
        String spl = Files.readString(dir.resolve("examples/dns_query_win_susp_external_ip_lookup.spl"));
        assertTrue(spl.contains("EventCode=22"), spl);
        assertTrue(spl.startsWith("``` source: " + CliTest.SEED + " ```\n"), spl);
        assertTrue(spl.contains("``` id: ec82e2a5-81ea-4211-a1f8-37a0286df2c2 ```\n"), spl);
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) {
        assertEquals(2, CliTest.run("translate", "--to", "eql", "-q", PROC).exit());
        assertEquals(2, CliTest.run("translate", "--to", "spl", "--profile", "ecs", "-q", PROC).exit());
        assertEquals(2, CliTest.run("translate", "--to", "spl", "--mapping", dir.resolve("none.tsv").toString(),
                "-q", PROC).exit());
    }
}
