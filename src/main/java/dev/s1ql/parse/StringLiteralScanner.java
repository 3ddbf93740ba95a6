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
    public record Decoded(String value, boolean trailingBackslash, boolean terminated) {
    }

    /**
     * Called by the lexer right after it matched the opening quote: consumes the rest of the literal through
     * the lexer's simulator (so line and column tracking stay right) and marks an unterminated literal.
     */
    public static void consumeBody(Lexer lexer) {
        CharStream in = lexer.getInputStream();
        LexerATNSimulator sim = lexer.getInterpreter();
        while (true) {
            int c = in.LA(1);
            if (c == IntStream.EOF) {
                lexer.setType(S1QLParser.UNTERMINATED_STRING);
                return;
            }
            if (c == '"') {
                sim.consume(in);
                return;
            }
            if (c == '\\' && in.LA(2) == '"') {
                boolean closes = validEndFollows(in::LA, 3);
                sim.consume(in);
                sim.consume(in);
                if (closes) return;
                continue;
            }
            sim.consume(in);
        }
    }

    /**
     * Whether the text starting at look-ahead position {@code i} (1-based, as {@link IntStream#LA}) is a valid
     * end of a value: optional whitespace and closing parentheses, then end of input, a comma, AND or OR.
     */
    static boolean validEndFollows(IntUnaryOperator la, int i) {
        int k = skipSpace(la, i);
        while (la.applyAsInt(k) == ')') k = skipSpace(la, k + 1);
        int c = la.applyAsInt(k);
        if (c == IntStream.EOF || c == ',') return true;
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

    /** Decodes the text of a STRING ({@code terminated}) or UNTERMINATED_STRING token, quotes included. */
    public static Decoded decode(String tokenText, boolean terminated) {
        String inner = terminated ? tokenText.substring(1, tokenText.length() - 1) : tokenText.substring(1);
        StringBuilder sb = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '"') {
                sb.append('"');
                i++;
            } else {
                sb.append(c);
            }
        }
        // A closing quote right after a backslash can only have been accepted by the look-ahead rule.
        boolean trailing = terminated && inner.endsWith("\\");
        return new Decoded(sb.toString(), trailing, terminated);
    }

    /** Writes a value as a 1.0 string literal: {@code "} becomes {@code \"}, backslashes stay as they are. */
    public static String quote(String value) {
        return "\"" + value.replace("\"", "\\\"") + "\"";
    }

    /**
     * Whether {@link #quote} of {@code value}, followed by a valid end, reads back as the same value. False when
     * a {@code "} in the value is followed by text that the look-ahead rule would take as the end.
     */
    public static boolean roundTrips(String value) {
        for (int i = value.indexOf('"'); i >= 0; i = value.indexOf('"', i + 1)) {
            String rest = value.substring(i + 1).replace("\"", "\\\"") + "\"";
            if (validEndFollows(k -> k - 1 < rest.length() ? rest.charAt(k - 1) : IntStream.EOF, 1)) return false;
        }
        return true;
    }
}
