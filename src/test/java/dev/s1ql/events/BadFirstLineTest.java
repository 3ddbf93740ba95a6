// Issue 13, defect 3: an .ndjson file whose first line was bad lost every event (read as CSV, or as a JSON array
// when the first line was `[1]`). The name decides for .ndjson/.jsonl; sniffing looks past one bad line.
package dev.s1ql.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BadFirstLineTest {

    @TempDir
    Path dir;

    private static final String EVENTS = "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n";

    @Test
    void anNdjsonNameKeepsEveryValidEventWhateverTheFirstLineHolds() throws Exception {
        for (String first : List.of("oops not json", "[1]", "{\"broken\":", "a,b,c", "[")) {
            for (String name : List.of("e.ndjson", "e.jsonl", "e.NDJSON", "e.ndjson.gz")) {
                Path f = write(name, first + "\n" + EVENTS);
                CollectedEvents c = CollectedEvents.read(f, null);
                assertEquals(List.of("{\"id\":1}", "{\"id\":2}", "{\"id\":3}"), c.events, name + " after " + first);
                assertEquals(List.of(2L, 3L, 4L), c.lines, name);
                assertEquals(1, c.malformed.size(), () -> name + ": " + c.malformed);
                assertEquals("1", c.malformed.get(0).split(":")[0]);
            }
        }
    }

    @Test
    void sniffingLooksPastOneBadLine() throws Exception {
        for (String first : List.of("oops not json", "[1]", "{\"broken\":", "a,b,c")) {
            Path f = write("events.txt", first + "\n" + EVENTS);
            assertEquals(EventFormat.NDJSON, sniff(first + "\n" + EVENTS), first);
            CollectedEvents c = CollectedEvents.read(f, null);
            assertEquals(3, c.events.size(), first);
            assertEquals(1, c.malformed.size(), first);
        }
    }

    @Test
    void sniffingStillTellsTheOtherFormatsApart() throws Exception {
        assertEquals(EventFormat.JSON, sniff("[{\"a\":1},{\"a\":2}]\n"));
        assertEquals(EventFormat.JSON, sniff("[\n  {\"a\":1},\n  {\"a\":2}\n]\n"));
        assertEquals(EventFormat.JSON, sniff("[\n{\"a\":1}\n,\n{\"a\":2}\n]\n"));
        assertEquals(EventFormat.JSON, sniff("{\n  \"a\": {\"b\": 1},\n  \"c\": [\n    {}\n  ]\n}\n"));
        assertEquals(EventFormat.CSV, sniff("Endpoint Name,Src Proc Name\nh,cmd.exe\nh2,x.exe\n"));
        assertEquals(EventFormat.NDJSON, sniff("{\"a\":1}\nnot json\n"));
        assertEquals(EventFormat.NDJSON, sniff(""));
        assertEquals(EventFormat.NDJSON, EventFormat.fromName("x.jsonl.gz"));
        assertEquals(null, EventFormat.fromName("x.json"));
    }

    private static EventFormat sniff(String s) throws Exception {
        return EventFormat.sniff(new BufferedInputStream(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8))));
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream out = name.endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }
}
