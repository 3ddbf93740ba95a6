// Issue 13, defect 8: an unterminated quote opened on line 4 was reported at line 3 (a good row), and rows with
// too few cells passed silently while rows with too many were reported. Both are now reported, at their own line.
package dev.s1ql.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRowsTest {

    @TempDir
    Path dir;

    @Test
    void anUnterminatedQuoteIsReportedAtTheLineItOpens() throws Exception {
        Path f = dir.resolve("q.csv");
        Files.writeString(f, "Src Proc Name,Endpoint Name\na.exe,h1\nb.exe,h2\n\"c.exe,h3\nd.exe,h4\n");
        CollectedEvents c = CollectedEvents.read(f, null);
        assertEquals(List.of(2L, 3L), c.lines);
        assertEquals(1, c.malformed.size(), c.malformed::toString);
        assertTrue(c.malformed.get(0).startsWith("4: bad CSV, rest of the file skipped"), c.malformed::toString);
    }

    @Test
    void rowsWithTooFewOrTooManyCellsAreBothReported() throws Exception {
        Path f = dir.resolve("cells.csv");
        Files.writeString(f, "Src Proc Name,Endpoint Name\na.exe,h1\nb.exe\nc.exe,h3,x\n\"multi\nline\",h5\n\ne.exe,h6\n");
        CollectedEvents c = CollectedEvents.read(f, null);
        assertEquals(List.of(2L, 5L, 8L), c.lines); // the quoted cell of the third event opens on line 5
        assertEquals(List.of("3: row has 1 cells but the header has 2", "4: row has 3 cells but the header has 2"),
                c.malformed);
    }
}
