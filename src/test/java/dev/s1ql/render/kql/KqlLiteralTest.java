// KqlLiteral: the form chosen for each kind of value, and a fuzz test that no value — quotes, backslashes,
// pipes, line breaks, comment markers, unicode — can end its literal early or read back differently.
package dev.s1ql.render.kql;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KqlLiteralTest {

    /** Values the fuzz test builds from; the Kusto check test also runs a sample of them through Kusto. */
    static final String[] PIECES = {"\"", "\\", "\\\"", "\"\"", "|", "\n", "\r\n", "\t", "*/", "/*", "//", "'",
            "@\"", "$", "{", "}", "é", "日本", "\u2028", "\u0000", "\u001f", "\u007f", "😀", " or ", ") ", "a", "C:\\x\\",
            "\\\\?\\GLOBALROOT"};

    @Test
    void backslashValuesBecomeVerbatimWithQuotesDoubled() {
        assertEquals("@\"C:\\Windows\\\"", KqlLiteral.string("C:\\Windows\\"));
        assertEquals("@\"a\\\"\"b\"", KqlLiteral.string("a\\\"b"));
    }

    @Test
    void plainValuesAreEscaped() {
        assertEquals("\"cmd.exe\"", KqlLiteral.string("cmd.exe"));
        assertEquals("\"say \\\"hi\\\"\"", KqlLiteral.string("say \"hi\""));
        assertEquals("\"a\\nb\"", KqlLiteral.string("a\nb"));
    }

    @Test
    void backslashValueWithLineBreakIsEscapedNotVerbatim() {
        assertEquals("\"a\\\\b\\nc\"", KqlLiteral.string("a\\b\nc"));
    }

    @Test
    void noValueBreaksOutOfItsLiteral() {
        Random random = new Random(20261127);
        for (String v : fuzzValues(random, 20_000)) {
            String lit = KqlLiteral.string(v);
            String context = "x == " + lit + " | take 1";
            KqlStringReader.Read r = KqlStringReader.read(context, 5);
            assertEquals(v, r.value(), () -> "value changed: " + lit);
            assertEquals(5 + lit.length(), r.end(), () -> "literal ends early or late: " + lit);
        }
    }

    static List<String> fuzzValues(Random random, int n) {
        List<String> out = new ArrayList<>();
        for (String p : PIECES) out.add(p);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(8);
            for (int j = 0; j < len; j++) sb.append(PIECES[random.nextInt(PIECES.length)]);
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void numbersAndTimes() {
        assertEquals("445", KqlLiteral.number(new java.math.BigDecimal("445")));
        assertEquals("445", KqlLiteral.number(new java.math.BigDecimal("445.00")));
        assertEquals("1.5", KqlLiteral.number(new java.math.BigDecimal("1.5")));
        assertEquals("datetime(2022-02-20T12:16:36.638Z)", KqlLiteral.datetime("2022-02-20T12:16:36.638Z"));
        assertNull(KqlLiteral.datetime("yesterday"));
    }
}
