// The string rule of spec §2.5: raw backslashes, \" escapes, and the trailing-backslash look-ahead.
package dev.s1ql.parse;

import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.StringValue;
import dev.s1ql.ast.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StringLiteralScannerTest {

    private static List<Value> values(String query) {
        ParseResult r = new S1qlParser().parse(query);
        assertTrue(r.ok(), () -> query + " -> " + r.diagnostics());
        return ((Predicate) r.query().root()).values();
    }

    private static StringValue only(String query) {
        return (StringValue) values(query).get(0);
    }

    @Test
    void backslashIsLiteral() {
        assertEquals("C:\\Windows\\System32", only("f = \"C:\\Windows\\System32\"").value());
        assertEquals("\\\\?\\GLOBALROOT", only("f = \"\\\\?\\GLOBALROOT\"").value());
    }

    @Test
    void escapedQuoteInsideValue() {
        StringValue v = only("f ContainsCIS \"a\\\"b\"");
        assertEquals("a\"b", v.value());
        assertFalse(v.trailingBackslash());
    }

    @Test
    void regexWithEscapedQuoteIsNotCut() {
        assertEquals("[\\s\\('\"]x", only("f RegExp \"[\\s\\('\\\"]x\"").value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "f = \"a\\\" OR g = \"b\"|a\\",
            "f = \"a\\\" or g = \"b\"|a\\",
            "f = \"a\\\" AND g = \"b\"|a\\",
            "f = \"a\\\"|a\\",
            "(f = \"a\\\")|a\\",
            "((f = \"a\\\" )  )|a\\"})
    void trailingBackslashBeforeValidEndClosesString(String query, String expected) {
        ParseResult r = new S1qlParser().parse(query);
        StringValue v = (StringValue) firstValue(r);
        assertEquals(expected, v.value());
        assertTrue(v.trailingBackslash());
    }

    private static Value firstValue(ParseResult r) {
        assertTrue(r.ok(), r.diagnostics()::toString);
        dev.s1ql.ast.Expr e = r.query().root();
        while (!(e instanceof Predicate)) {
            e = e instanceof dev.s1ql.ast.Or o ? o.operands().get(0) : ((dev.s1ql.ast.And) e).operands().get(0);
        }
        return ((Predicate) e).values().get(0);
    }

    @Test
    void escapedQuoteBeforeWordThatMerelyStartsWithOrIsKept() {
        assertEquals("x\" ORDER", only("f = \"x\\\" ORDER\"").value());
        assertEquals("x\" ANDROID", only("f = \"x\\\" ANDROID\"").value());
    }

    @Test
    void commaEndsAValueOnlyInsideAList() {
        assertEquals(List.of("a\\", "b"), values("f In (\"a\\\", \"b\")").stream().map(Value::text).toList());
        assertEquals(".dat\",", only("f ContainsCIS \".dat\\\",\" OR g = \"x\"".replace(" OR g = \"x\"", "")).value());
    }

    @Test
    void mixedEscapedQuoteAndTrailingBackslashInOneQuery() {
        ParseResult r = new S1qlParser().parse(
                "f endswithCIS \".rdp\\\"\" OR f containsCIS \":\\Users\\Public\\\" OR f = \"x\"");
        assertTrue(r.ok(), r.diagnostics()::toString);
        dev.s1ql.ast.Or or = (dev.s1ql.ast.Or) r.query().root();
        assertEquals(".rdp\"", ((Predicate) or.operands().get(0)).value().text());
        assertEquals(":\\Users\\Public\\", ((Predicate) or.operands().get(1)).value().text());
        assertEquals("x", ((Predicate) or.operands().get(2)).value().text());
    }

    @Test
    void quoteRoundTripsUnlessFollowedByAValidEnd() {
        assertTrue(StringLiteralScanner.roundTrips("a\"b", false));
        assertTrue(StringLiteralScanner.roundTrips("a\"", false));
        assertTrue(StringLiteralScanner.roundTrips(".dat\",", false));
        assertFalse(StringLiteralScanner.roundTrips(".dat\",", true));
        assertFalse(StringLiteralScanner.roundTrips("a\" OR b", false));
        assertTrue(StringLiteralScanner.roundTrips("a\")", false));
        assertFalse(StringLiteralScanner.roundTrips("a\") AND b", false));
    }

    @Test
    void unescapedQuoteInRegexIsRecoveredWithAWarning() {
        ParseResult r = new S1qlParser().parse("f RegExp \"(\\s|\"|')x\" AND g = \"y\"");
        assertTrue(r.ok(), r.diagnostics()::toString);
        assertEquals(1, r.diagnostics().size());
        assertEquals(dev.s1ql.diag.Code.UNESCAPED_QUOTE, r.diagnostics().get(0).code());
    }

    /**
     * Issue 13, defect 5: fmt took 95 s on a value with 160k escaped quotes (each quote copied the rest of the
     * value). Not a speed target: the limit is a hang guard, 100 times what the linear check needs on a busy
     * machine and a hundredth of what the quadratic one took on 200k quotes.
     */
    @Test
    void roundTripCheckIsLinearInTheQuotesOfAValue() {
        String value = "\" a".repeat(200_000);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(15), () -> {
            assertTrue(StringLiteralScanner.roundTrips(value, false));
            assertTrue(StringLiteralScanner.roundTrips(value, true));
            assertFalse(StringLiteralScanner.roundTrips(value + "\" or", false));
        });
        String q = "TgtProcName = " + StringLiteralScanner.quote(value);
        ParseResult r = new S1qlParser().parse(q);
        assertTrue(r.ok(), r.diagnostics()::toString);
        assertEquals(q, assertTimeoutPreemptively(java.time.Duration.ofSeconds(15),
                () -> dev.s1ql.render.S1qlFormatter.format(r.query())));
    }
}
