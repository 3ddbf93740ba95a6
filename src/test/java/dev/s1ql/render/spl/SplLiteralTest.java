// SplLiteral and SplRegex under fuzzing: no value breaks out of its string literal, every literal reads back to
// the value, and an escaped regex matches exactly its text.
package dev.s1ql.render.spl;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplLiteralTest {

    private static final String ALPHABET = "aZ09 \"\\|*?'`()[]{}$^.+=!<>,;:/%_-&#~@\u00e9\u4e2d\ud83d\ude00";

    /** Reads a quoted SPL string from the start of {@code s} as Splunk does; returns value and consumed length. */
    private static String[] readLiteral(String s) {
        assertEquals('"', s.charAt(0));
        StringBuilder v = new StringBuilder();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                v.append(s.charAt(++i));
            } else if (c == '"') {
                return new String[]{v.toString(), Integer.toString(i + 1)};
            } else {
                v.append(c);
            }
        }
        throw new AssertionError("unterminated literal: " + s);
    }

    private static String random(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(ALPHABET.length() - 1);
            char c = ALPHABET.charAt(k);
            b.append(c);
            if (Character.isHighSurrogate(c)) b.append(ALPHABET.charAt(k + 1));
        }
        return b.toString();
    }

    @Test
    void quotedValueNeverBreaksOutAndReadsBack() {
        Random r = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            String v = random(r);
            String q = SplLiteral.quote(v);
            String[] read = readLiteral(q + " | where x");
            assertEquals(v, read[0], q);
            assertEquals(q.length(), Integer.parseInt(read[1]), () -> "literal ends early: " + q);
            assertTrue(SplStructure.check("f=" + q).isEmpty(), q);
        }
    }

    @Test
    void controlCharactersAreRefusedNotEmbedded() {
        assertFalse(SplLiteral.isQuotable("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> SplLiteral.quote("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> SplLiteral.quote("\u0000"));
    }

    @Test
    void regexLiteralMatchesExactlyItsText() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String v = random(r) + (r.nextInt(10) == 0 ? "\n\t" : "");
            Pattern p = Pattern.compile("^" + SplRegex.literal(v) + "\\z");
            assertTrue(p.matcher(v).find(), () -> "literal regex does not match its text: " + v);
            assertFalse(p.matcher(v + "x").find(), v);
        }
    }

    @Test
    void backslashAndQuoteAreEscapedOnce() {
        assertEquals("\"C:\\\\Windows\\\\\"", SplLiteral.quote("C:\\Windows\\"));
        assertEquals("\"say \\\"hi\\\"\"", SplLiteral.quote("say \"hi\""));
        assertEquals("\"a*b|c\"", SplLiteral.quote("a*b|c"));
    }
}
