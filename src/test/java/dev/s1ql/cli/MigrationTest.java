// The migration recipe end to end (in-process): translate -o mirrors the input folders (same-named files in two
// folders stay apart), each file has its header and the source's comments, --report lists every input, and
// validate of the output checks every file written.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationTest {

    static List<Path> files(Path dir, String ext) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    @Test
    void sameNamedFilesInTwoFoldersStayApartWithHeadersAndComments(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(rules.resolve("windows"));
        Files.createDirectories(rules.resolve("linux"));
        Files.writeString(rules.resolve("windows/shell.s1ql"), "-- cmd started by Office\n"
                + "EventType = \"Process Creation\" AND TgtProcName In AnyCase (\"cmd.exe\")\n");
        Files.writeString(rules.resolve("linux/shell.s1ql"), "-- a shell from a web server\n"
                + "EventType = \"Process Creation\" AND SrcProcName = \"nginx\" AND TgtProcName = \"sh\"\n");
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.csv");
        CliTest.Run t = CliTest.run("translate", "--to", "s1ql2", "-o", out.toString(), "--report", report.toString(),
                rules.toString());
        assertEquals(0, t.exit(), t.err());
        assertEquals(List.of(out.resolve("linux/shell.s1ql2"), out.resolve("windows/shell.s1ql2")), files(out, ".s1ql2"));

        String windows = Files.readString(out.resolve("windows/shell.s1ql2"));
        assertTrue(windows.startsWith("// source: " + rules.resolve("windows/shell.s1ql") + "\n"), windows);
        assertTrue(windows.contains("\n// translated by s1ql " + Main.version() + " to s1ql2 (profile default)\n"), windows);
        assertTrue(windows.contains("\n// cmd started by Office\n"), "the source's comment is carried over: " + windows);
        assertTrue(windows.endsWith("tgt.process.name in:anycase ('cmd.exe')\n"), windows);
        assertTrue(Files.readString(out.resolve("linux/shell.s1ql2")).contains("// a shell from a web server\n"));

        List<String> rows = Files.readAllLines(report);
        assertEquals("source,title,id,output,status,codes", rows.get(0));
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(1).contains(out.resolve("linux/shell.s1ql2").toString()) && rows.get(1).contains(",ok,"),
                rows.get(1));

        // validate reads what translate wrote: every output file is checked
        CliTest.Run v = CliTest.run("validate", out.toString());
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(v.err().contains("s1ql validate: 2 queries checked: 0 with errors"), v.err());
    }

    @Test
    void examplesMigrateToPowerQueryWithAJsonReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pq");
        Path report = dir.resolve("report.json");
        CliTest.Run t = CliTest.run("translate", "--to", "pq", "-o", out.toString(), "--report", report.toString(),
                "examples/");
        assertEquals(0, t.exit(), t.err());
        List<Path> written = files(out, ".pq");
        assertEquals(7, written.size(), written.toString());
        assertTrue(Files.exists(out.resolve("queries/run-key-persistence.pq")));
        String seed = Files.readString(out.resolve("dns_query_win_susp_external_ip_lookup.pq"));
        assertTrue(seed.contains("// title: Suspicious DNS Query for IP Lookup Service APIs\n"), seed);
        assertTrue(seed.contains("// id: ec82e2a5-81ea-4211-a1f8-37a0286df2c2\n"), seed);
        String runKey = Files.readString(out.resolve("queries/run-key-persistence.pq"));
        assertTrue(runKey.contains("// registry Run-key writes outside the usual installers\n"), runKey);

        JsonNode rows = new ObjectMapper().readTree(report.toFile());
        assertEquals(7, rows.size());
        for (JsonNode row : rows) {
            assertTrue(Files.exists(Path.of(row.get("output").asText())), row.toString());
            // translate carries the validator's warnings: the DNS example has values ending in a backslash (S2009)
            boolean dns = row.get("source").asText().endsWith("dns_query_win_susp_external_ip_lookup.md");
            assertEquals(dns ? "warnings" : "ok", row.get("status").asText(), row.toString());
            if (dns) assertEquals("S2009", row.get("codes").asText(), row.toString());
        }
        CliTest.Run v = CliTest.run("validate", out.toString());
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(v.err().contains("s1ql validate: 7 queries checked: 0 with errors"), v.err());
    }

    @Test
    void headersCarryEveryDiagnosticInTheTargetsCommentSyntax(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("proc.s1ql"), "TgtProcName = \"cmd.exe\"\n");
        Path out = dir.resolve("out");
        CliTest.Run t = CliTest.run("translate", "--to", "spl", "-o", out.toString(), in.toString());
        assertEquals(0, t.exit(), t.err());
        String spl = Files.readString(out.resolve("proc.spl"));
        assertTrue(spl.startsWith("``` source: " + in.resolve("proc.s1ql") + " ```\n"), spl);
        assertTrue(spl.contains("``` translated by s1ql " + Main.version() + " to spl (profile sysmon) ```\n"), spl);
        assertTrue(spl.contains(":1:1: warning: SentinelOne Process Exit (windows) and Process Exit (linux) events are not "
                + "searched") && spl.contains("[S3011]"), spl);
    }

    @Test
    void twoInputsForOneOutputAreKeptApartAndSaidSo(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("x.s1ql"), "TgtProcName = \"a.exe\"\n");
        Files.writeString(in.resolve("x.txt"), "TgtProcName = \"b.exe\"\n");
        Path out = dir.resolve("out");
        CliTest.Run t = CliTest.run("translate", "--to", "kql", "-o", out.toString(), in.toString());
        assertEquals(0, t.exit(), t.err());
        assertEquals(List.of(out.resolve("x-2.kql"), out.resolve("x.kql")), files(out, ".kql"));
        assertTrue(t.err().contains("would overwrite " + out.resolve("x.kql")), t.err());
    }
}
