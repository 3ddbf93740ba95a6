// `s1ql eval --threads 2` (reader thread + evaluating thread) must print exactly what --threads 1 prints.
package dev.s1ql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalPipelinedTest {

    @TempDir
    Path tmp;

    private String big;
    private String gz;
    private String small;
    private String array;
    private String csv;

    /**
     * Several thousand events (so several batches), with malformed lines (some right at batch boundaries), blank
     * and whitespace-only lines, CRLF endings, one gzip file, a JSON array and a CSV export.
     */
    @BeforeEach
    void writeInputs() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            if (i % 997 == 500 || i == 1023 || i == 1024 || i == 2048) b.append("{\"objectType\":\"dns\",broken\n");
            else if (i % 301 == 0) b.append("\n   \n");
            else if (i % 7 == 0) b.append("{\"objectType\":\"DNS\",\"dnsRequest\":\"api.ipify.org\",\"n\":").append(i)
                    .append("}\r\n");
            else if (i % 11 == 0) b.append("{\"src\":{\"process\":{\"name\":\"x.exe\"}},\"n\":").append(i).append("}\n");
            else if (i % 13 == 0) b.append("[1,2]\n");
            else b.append("{\"objectType\":\"file\",\"tgtFilePath\":\"C:\\\\t\\\\f").append(i).append(".txt\"}\n");
        }
        big = write("big.ndjson", b.toString());
        Path g = tmp.resolve("more.ndjson.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(g))) {
            o.write(b.substring(0, b.length() / 3).getBytes(StandardCharsets.UTF_8));
            o.write("{\"objectType\":\"DNS\",\"dnsRequest\":\"checkip.example\"}".getBytes(StandardCharsets.UTF_8));
        }
        gz = g.toString();
        small = write("small.ndjson", "\n{\"objectType\":\"dns\",\"dnsRequest\":\"ipify\"}\nnot json\n\n");
        array = write("a.json", "[{\"objectType\":\"DNS\",\"dnsRequest\":\"x.ipify\"},{\"TgtProcName\":\"x.exe\"}]");
        csv = write("e.csv", "Object Type,DNS Request\nDNS,api.ipify.org\nFILE,\nDNS,a,b,c\n");
    }

    private String write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p.toString();
    }

    private static final String[] QUERIES = {
        "-q", "ObjectType = \"DNS\" AND DnsRequest ContainsCIS \"ipify\"",
        "-q", "SrcProcName = \"x.exe\" OR TgtProcName = \"x.exe\"",
        "-q", "TgtFilePath EndsWith \"5.txt\"",
    };

    private static String[] args(String threads, String... rest) {
        List<String> a = new ArrayList<>(List.of("--threads", threads, "--no-progress"));
        a.addAll(List.of(rest));
        a.addAll(List.of(QUERIES));
        return a.toArray(new String[0]);
    }

    /** Runs both ways and requires the same exit code, stdout and stderr (less the elapsed time). */
    private EvalCommandTest.Run same(String... rest) {
        EvalCommandTest.Run one = EvalCommandTest.eval(args("1", rest));
        EvalCommandTest.Run two = EvalCommandTest.eval(args("2", rest));
        assertEquals(one.exit(), two.exit(), two.err());
        assertEquals(one.out(), two.out());
        assertEquals(withoutTime(one.err()), withoutTime(two.err()));
        return one;
    }

    private static String withoutTime(String err) {
        return err.replaceAll("\\(\\d+\\.\\d s\\)", "(time)");
    }

    @Test
    void matchesAndReportsAreIdenticalOverManyFilesAndBatches() {
        EvalCommandTest.Run r = same("--events", big + "," + gz, "--events", small + "," + array + "," + csv);
        assertEquals(EvalCommand.EXIT_BAD_EVENTS, r.exit(), r.err());
        assertTrue(r.out().lines().count() > 1000, "expected many matches");
        assertTrue(r.err().contains(big + ":1503: malformed event"), r.err());
        assertTrue(r.err().contains(small + ":3: malformed event"), r.err());
        assertTrue(r.err().contains(csv + ":4: malformed event"), r.err());
    }

    @Test
    void countsAndTextOutputAreIdentical() {
        assertEquals(EvalCommand.EXIT_BAD_EVENTS, same("--events", big + "," + gz, "--count", "--format", "json").exit());
        same("--events", gz + "," + small, "--count");
        same("--events", big, "--format", "text");
    }

    @Test
    void explanationsAreIdentical() {
        same("--events", big + "," + array, "--explain");
    }

    @Test
    void failStopsAtTheSameEvent() {
        EvalCommandTest.Run r = same("--events", small + "," + big, "--on-error", "fail");
        assertTrue(r.err().contains("1 malformed events (stopped at the first)"), r.err());
        EvalCommandTest.Run later = same("--events", big, "--on-error", "fail");
        assertTrue(later.out().contains("\"line\":"), "matches before the first bad line are printed");
    }

    @Test
    void aMissingFileStopsAfterTheEventsBeforeIt() {
        EvalCommandTest.Run r = same("--events", big + "," + tmp.resolve("missing.ndjson") + "," + small);
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("no such file"), r.err());
        assertTrue(!r.out().isEmpty(), "the first file's matches come first");
    }

    @Test
    void aBrokenGzipFileIsReportedAfterItsReadableEvents() throws Exception {
        byte[] whole = Files.readAllBytes(Path.of(gz));
        String cut = tmp.resolve("cut.ndjson.gz").toString();
        Files.write(Path.of(cut), java.util.Arrays.copyOf(whole, whole.length / 2));
        EvalCommandTest.Run r = same("--events", small + "," + cut + "," + big);
        assertEquals(Main.EXIT_USAGE, r.exit(), r.err());
    }

    @Test
    void powerQueryOutputStagesAreIdentical() {
        EvalCommandTest.Run one = EvalCommandTest.eval("--threads", "1", "--events", big + "," + gz,
                "-q", "event.type = \"DNS\" OR src.process.name = \"x.exe\" | group n = count() by src.process.name | sort -n");
        EvalCommandTest.Run two = EvalCommandTest.eval("--threads", "2", "--events", big + "," + gz,
                "-q", "event.type = \"DNS\" OR src.process.name = \"x.exe\" | group n = count() by src.process.name | sort -n");
        assertEquals(one.exit(), two.exit());
        assertEquals(one.out(), two.out());
        assertTrue(one.out().contains("\"row\""), one.out() + one.err());
    }

    @Test
    void zeroThreadsIsAUsageError() {
        assertEquals(Main.EXIT_USAGE, EvalCommandTest.eval("--threads", "0", "--events", small, "-q", "A = 1").exit());
    }
}
