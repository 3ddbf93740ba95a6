// How a pipeline spec's rows compare with a target's result rows: by text, numbers by value, absent as null,
// extra result columns ignored, as multisets unless in order.
package dev.s1ql.oracle;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecRowsTest {

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) r.put((String) kv[i], kv[i + 1]);
        return r;
    }

    @Test
    void numbersCompareByValueWhateverTheirType() {
        List<String> spec = List.of("{\"host\": \"h1\", \"n\": 2}", "{\"host\": \"h2\", \"n\": 1.5}");
        assertNull(SpecRows.difference(spec, false, List.of(row("host", "h2", "n", new BigDecimal("1.50")),
                row("host", "h1", "n", 2L, "id", "extra column"))));
        assertNull(SpecRows.difference(spec, false, List.of(row("host", "h1", "n", "2.0"), row("host", "h2", "n", 1.5))));
        assertNotNull(SpecRows.difference(spec, false, List.of(row("host", "h1", "n", 3L), row("host", "h2", "n", 1.5))));
    }

    @Test
    void rowsAreAMultisetUnlessInOrder() {
        List<String> spec = List.of("{\"k\": \"a\"}", "{\"k\": \"b\"}");
        assertNull(SpecRows.difference(spec, false, List.of(row("k", "b"), row("k", "a"))));
        assertNotNull(SpecRows.difference(spec, true, List.of(row("k", "b"), row("k", "a"))));
        assertNotNull(SpecRows.difference(spec, false, List.of(row("k", "a"), row("k", "a"))), "a duplicate is a difference");
        assertNotNull(SpecRows.difference(spec, false, List.of(row("k", "a"))));
    }

    @Test
    void absentIsNullAndArraysCompareElementByElement() {
        assertNull(SpecRows.difference(List.of("{\"k\": \"a\", \"v\": null}"), false, List.of(row("k", "a"))));
        assertNull(SpecRows.difference(List.of("{\"s\": [\"x\", 2]}"), false, List.of(row("s", List.of("x", "2")))));
        assertNotNull(SpecRows.difference(List.of("{\"s\": [\"x\", 2]}"), false, List.of(row("s", List.of("2", "x")))));
        assertNull(SpecRows.difference(List.of("{\"b\": true}"), false, List.of(row("b", Boolean.TRUE))));
    }
}
