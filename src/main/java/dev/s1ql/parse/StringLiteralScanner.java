// The S1QL 1.0 string-literal rule (spec §2.5): backslash is literal; `\"` is an escaped quote unless what
// follows it is a valid end of a value, in which case the backslash is literal and the quote closes the string.
package dev.s1ql.parse;

import dev.s1ql.parse.gen.S1QLParser;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.atn.LexerATNSimulator;

import java.util.function.IntUnaryOperator;

/**
 * One implementation of the rule, used by the lexer (to find where a string ends) and by everything that
 * writes S1QL 1.0 strings (to know whether a value can be written back faithfully).
 *
 * <p>"Valid end of a value" is the spec's look-ahead {@code ^\s*(\)\s*)*($|,|AND\b|OR\b)}, case-insensitive.
 * The one ambiguity the rule leaves: a value that really contains {@code \" AND} / {@code \" OR} /
 * {@code \")} is cut there. No public query contains that; the validator warns whenever the rule fires.
 */
public final class StringLiteralScanner {
    private StringLiteralScanner() {
    }

    /** The decoded value of a string token and whether the trailing-backslash rule closed it. */
    public record Decoded(String value, boolean trailingBackslash, boolean terminated, boolean unescapedQuote) {
    }

    /**
     * Called by the lexer right after it matched the opening quote: consumes the rest of the literal through
     * the lexer's simulator (so line and column tracking stay right) and marks an unterminated literal.
     *
     * @param inValueList whether the string stands inside an {@code In (...)} list, where a comma ends a value
     * @param lenient     the recovery reading for generated queries with unescaped quotes: a plain {@code "}
     *                    closes the string only when a valid end of a value follows it
     */
    public static void consumeBody(Lexer lexer, boolean inValueList, boolean lenient) {
        CharStream in = lexer.getInputStream();
        Scan scan = scan(in::LA, inValueList, lenient);
        LexerATNSimulator sim = lexer.getInterpreter();
        for (int i = 0; i < scan.length(); i++) sim.consume(in);
        if (!scan.terminated()) lexer.setType(S1QLParser.UNTERMINATED_STRING);
    }

    /** How many characters after the opening quote belong to the literal (closing quote included). */
    record Scan(int length, boolean terminated) {
    }

    /**
     * Finds the end of a string literal. {@code la} is 1-based look-ahead from the first character after the
     * opening quote, returning {@link IntStream#EOF} past the end.
     */
    static Scan scan(IntUnaryOperator la, boolean inValueList, boolean lenient) {
        int firstPlainQuote = -1;
        int i = 1;
        while (true) {
            int c = la.applyAsInt(i);
            if (c == IntStream.EOF) {
                return firstPlainQuote > 0 ? new Scan(firstPlainQuote, true) : new Scan(i - 1, false);
            }
            if (c == '"') {
                if (!lenient || validEndFollows(la, i + 1, inValueList)) return new Scan(i, true);
                if (firstPlainQuote < 0) firstPlainQuote = i;
                i++;
                continue;
            }
            if (c == '\\' && la.applyAsInt(i + 1) == '"') {
                if (validEndFollows(la, i + 2, inValueList)) return new Scan(i + 1, true);
                i += 2;
                continue;
            }
            i++;
        }
    }

    /**
     * Whether the text starting at look-ahead position {@code i} (1-based, as {@link IntStream#LA}) is a valid
     * end of a value: optional whitespace and closing parentheses, then end of input, AND, OR, or (inside a
     * value list only) a comma. Limiting the comma to lists keeps {@code Contains ".dat\"," OR ...} (a value
     * holding {@code ",}) readable, as pySigma writes it.
     */
    static boolean validEndFollows(IntUnaryOperator la, int i, boolean commaEnds) {
        int k = skipSpace(la, i);
        while (la.applyAsInt(k) == ')') k = skipSpace(la, k + 1);
        int c = la.applyAsInt(k);
        if (c == IntStream.EOF || (c == ',' && commaEnds)) return true;
        return word(la, k, "and") || word(la, k, "or");
    }

    private static int skipSpace(IntUnaryOperator la, int k) {
        while (isSpace(la.applyAsInt(k))) k++;
        return k;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean word(IntUnaryOperator la, int k, String w) {
        for (int j = 0; j < w.length(); j++) {
            if (Character.toLowerCase(la.applyAsInt(k + j)) != w.charAt(j)) return false;
        }
        int after = la.applyAsInt(k + w.length());
        return !(Character.isLetterOrDigit(after) || after == '_');
    }

    /**
     * Decodes the text of a STRING ({@code terminated}) or UNTERMINATED_STRING token, quotes included. A plain
     * {@code "} inside the text can only come from the lenient reading; it is kept and reported as repaired.
     */
    public static Decoded decode(String tokenText, boolean terminated) {
        String inner = terminated ? tokenText.substring(1, tokenText.length() - 1) : tokenText.substring(1);
        StringBuilder sb = new StringBuilder(inner.length());
        boolean unescapedQuote = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '"') {
                sb.append('"');
                i++;
            } else {
                if (c == '"') unescapedQuote = true;
                sb.append(c);
            }
        }
        // A closing quote right after a backslash can only have been accepted by the look-ahead rule.
        boolean trailing = terminated && inner.endsWith("\\");
        return new Decoded(sb.toString(), trailing, terminated, unescapedQuote);
    }

    /** Writes a value as a 1.0 string literal: {@code "} becomes {@code \"}, backslashes stay as they are. */
    public static String quote(String value) {
        return "\"" + value.replace("\"", "\\\"") + "\"";
    }

    /**
     * Whether {@link #quote} of {@code value}, followed by a valid end, reads back as the same value. False when
     * a {@code "} in the value is followed by text that the look-ahead rule would take as the end. Linear in the
     * value: the quoted text is built once and each quote's look-ahead reads it in place (the look-ahead stops at
     * the next quote's backslash, so no character is read for more than two quotes).
     */
    public static boolean roundTrips(String value, boolean inValueList) {
        String quoted = quote(value).substring(1); // the text after the opening quote, closing quote included
        int shift = 0; // characters the escapes added before the current position
        for (int i = value.indexOf('"'); i >= 0; i = value.indexOf('"', i + 1)) {
            int after = i + shift + 2; // 0-based index in quoted just past this quote's \"
            shift++;
            if (validEndFollows(k -> after + k - 1 < quoted.length() ? quoted.charAt(after + k - 1) : IntStream.EOF,
                    1, inValueList)) {
                return false;
            }
        }
        return true;
    }
}
