// The data-file reader: comments, header, short rows; a user's file without its header is refused, not misread.
package dev.s1ql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TsvTableTest {

    private static ByteArrayInputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRowsUnderTheHeaderSkippingCommentsAndBlankLines() {
        List<Map<String, String>> rows = TsvTable.read(text("# note\nfield\tcolumn\n\nA\tx\nB\n"), "t",
                List.of("field", "column"));
        assertEquals(2, rows.size());
        assertEquals("x", rows.get(0).get("column"));
        assertEquals("", rows.get(1).get("column"), "a short row has empty trailing cells");
    }

    @Test
    void aFileWhoseFirstRowIsDataIsRefusedNamingTheColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TsvTable.read(text("field\tTgtFileName\tfile\n"), "t", List.of("kind", "s1", "target")));
        assertTrue(e.getMessage().contains("kind, s1, target"), e.getMessage());
        assertTrue(e.getMessage().contains("field | TgtFileName | file"), e.getMessage());
    }
}
