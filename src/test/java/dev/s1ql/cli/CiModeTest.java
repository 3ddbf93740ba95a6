// The CI gate end to end (in-process): --fail-on on validate, translate and fmt --check; GitHub annotations; a folder
// or pattern with no query is exit 2; the summary line of every batch command; validate reads .s1ql2 and .pq.
package dev.s1ql.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CiModeTest {

    static final String TYPO = "TgtProcCmdLin ContainsCIS \"x\"";           // S2001, a warning
    static final String BAD_REGEX = "TgtProcCmdLine RegExp \"(unclosed\"";   // S2004, a warning
    static final String FINE = "TgtProcName = \"cmd.exe\"";

    @Test
    void warningsPassByDefaultAndFailWithFailOnWarning() {
        for (String q : List.of(TYPO, BAD_REGEX)) {
            assertEquals(0, CliTest.run("validate", "-q", q).exit());
            assertEquals(0, CliTest.run("validate", "--strict", "-q", q).exit(), "--strict alone keeps warnings warnings");
            CliTest.Run gate = CliTest.run("validate", "--fail-on", "warning", "-q", q);
            assertEquals(1, gate.exit(), gate.err());
            assertTrue(gate.err().contains("1 failed (--fail-on warning)"), gate.err());
        }
        assertEquals(0, CliTest.run("validate", "--fail-on", "warning", "-q", FINE).exit());
        assertEquals(2, CliTest.run("validate", "--fail-on", "never", "-q", FINE).exit(), "unknown level: usage error");
    }

    @Test
    void translateAndFmtCheckHonourFailOn() {
        // on Sysmon, event kinds the profile cannot search are left out with a warning (S3011)
        String lossy = "TgtProcName = \"cmd.exe\"";
        CliTest.Run plain = CliTest.run("translate", "--to", "spl", "-q", lossy);
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.err().contains(": warning: ") && plain.err().contains("[S3011]"), plain.err());
        CliTest.Run gate = CliTest.run("translate", "--to", "spl", "--fail-on", "warning", "-q", lossy);
        assertEquals(1, gate.exit(), gate.err());
        assertTrue(gate.out().contains("EventCode=1"), "the translation is still printed: " + gate.out());

        // fmt --check: S2009 (trailing-backslash rule) is a parse warning
        String backslash = "SrcProcImagePath StartsWithCIS \"C:\\Program Files\\\"";
        String canonical = CliTest.run("fmt", "-q", backslash).out().strip();
        assertEquals(0, CliTest.run("fmt", "--check", "-q", canonical).exit());
        CliTest.Run strictFmt = CliTest.run("fmt", "--check", "--fail-on", "warning", "-q", canonical);
        assertEquals(1, strictFmt.exit(), strictFmt.err());
        assertTrue(strictFmt.err().contains("[S2009]"), strictFmt.err());
    }

    @Test
    void githubFormatPrintsOneAnnotationPerDiagnostic(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a,b.s1ql");
        Files.writeString(f, "EventType = \"Process Creation\"\n  AND " + TYPO + "\n");
        CliTest.Run r = CliTest.run("validate", "--format", "github", f.toString(), "-q", "TgtProcName Containz \"x\"");
        assertEquals(1, r.exit());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertEquals("::error title=S1007 unknown-operator::-q: unknown operator 'Containz' after field 'TgtProcName' "
                + "(hint: did you mean 'Contains'?)", lines.get(0));
        String file = f.toString().replace(",", "%2C").replace(":", "%3A");
        assertTrue(lines.get(1).startsWith("::warning file=" + file + ",line=2,endLine=2,col=7,endColumn=19,"
                + "title=S2001 unknown-field::unknown field 'TgtProcCmdLin'"), lines.get(1));
    }

    @Test
    void anEmptyFolderOrPatternIsAUsageError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.md"), "# no query section here\n");
        for (String command : List.of("validate", "fmt", "parse")) {
            CliTest.Run r = CliTest.run(command, dir.toString());
            assertEquals(2, r.exit(), command + ": " + r.err());
            assertTrue(r.err().contains("no queries in this folder"), r.err());
        }
        CliTest.Run t = CliTest.run("translate", "--to", "kql", dir.toString());
        assertEquals(2, t.exit());
        CliTest.Run pattern = CliTest.run("validate", dir + "/**/*.s1ql");
        assertEquals(2, pattern.exit());
        assertTrue(pattern.err().contains("no queries match this pattern"), pattern.err());
    }

    @Test
    void patternsAreExpandedWhenTheShellLeftThemQuoted(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/one.s1ql"), FINE);
        Files.writeString(dir.resolve("a/two.s1ql"), FINE);
        Files.writeString(dir.resolve("a/three.txt"), FINE);
        CliTest.Run r = CliTest.run("validate", dir + "/a/**.s1ql");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("s1ql validate: 2 queries checked"), r.err());
    }

    @Test
    void validateReadsWhatTranslateWrites(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.s1ql2"), "// migrated\ntgt.process.name = 'cmd.exe'\n");
        Files.writeString(dir.resolve("b.pq"), "tgt.process.name = 'cmd.exe' | group n = count() by src.process.name\n");
        Files.writeString(dir.resolve("c.kql"), "DeviceProcessEvents | take 1\n");   // not a query file for s1ql
        CliTest.Run r = CliTest.run("validate", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("s1ql validate: 2 queries checked: 0 with errors"), r.err());
    }

    @Test
    void everyBatchCommandEndsWithOneSummaryLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.s1ql"), FINE);
        Files.writeString(dir.resolve("b.s1ql"), "TgtProcName = ");
        assertSummary(CliTest.run("validate", dir.toString()), "s1ql validate: 2 queries checked: 1 with errors, 0 with warnings");
        assertSummary(CliTest.run("validate", "--format", "json", dir.toString()), "s1ql validate: 2 queries checked");
        assertSummary(CliTest.run("translate", "--to", "spl", dir.toString()),
                "s1ql translate: 2 queries to spl (sysmon): 1 translated (1 with warnings), 1 failed");
        assertSummary(CliTest.run("fmt", "--check", dir.toString()), "s1ql fmt: 2 queries: ");
        assertSummary(CliTest.run("parse", dir.toString()), "s1ql parse: 2 queries: 1 parsed, 1 failed");
        assertSummary(CliTest.run("eval", "--events", "examples/dns_events.ndjson", dir.toString()), "s1ql eval: ");
    }

    static void assertSummary(CliTest.Run r, String start) {
        List<String> lines = r.err().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith(start), "last stderr line: " + last);
        assertTrue(last.matches(".*\\(\\d+\\.\\d s\\)$"), "ends with the time: " + last);
        assertEquals(1, lines.stream().filter(l -> l.startsWith(start.substring(0, start.indexOf(':') + 1))).count(),
                r.err());
    }
}
