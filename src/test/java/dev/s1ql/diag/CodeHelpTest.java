// Every diagnostic code has its row in diag/codes.tsv (SARIF rule descriptions come from there), and every row
// names a code that exists.
package dev.s1ql.diag;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeHelpTest {

    @Test
    void everyCodeHasARowWithASummaryAndHelp() {
        List<String> missing = new ArrayList<>();
        for (Code c : Code.values()) {
            if (!CodeHelp.has(c)) missing.add(c.id() + " " + c.name());
        }
        assertTrue(missing.isEmpty(), "add a row (code<TAB>summary<TAB>help) to src/main/resources"
                + CodeHelp.RESOURCE + " for: " + missing);
        for (Code c : Code.values()) {
            CodeHelp.Entry e = CodeHelp.of(c);
            assertTrue(e.summary().length() > 10 && e.summary().endsWith("."), c.id() + ": summary is one sentence");
            assertTrue(e.help().length() > e.summary().length() / 2, c.id() + ": help says what to do");
        }
    }

    @Test
    void everyRowNamesAnExistingCodeOnce() {
        Set<String> ids = new TreeSet<>();
        for (Code c : Code.values()) ids.add(c.id());
        Set<String> rows = CodeHelp.rowIds();
        rows.removeAll(ids);
        assertEquals(Set.of(), rows, "rows in codes.tsv for codes that do not exist");
        assertEquals(Code.values().length, ids.size(), "code ids are unique");
    }
}
