// A format() pattern read into literal text and conversions (functions-reference.md §3: %d, %f, %s, %%; flags
// - + space 0 , ( ; a width; a precision for %f). Shared by the evaluator (Printf) and the SQL translation, so that
// both read a pattern the same way. A conversion whose flags cannot go together (%-d without a width, %-05d,
// %+ d) is printed as written and takes no value: s1ql's decision, documented in docs/powerquery.md.
package dev.s1ql.eval.pipeline;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class PrintfPattern {
    private PrintfPattern() {
    }

    /**
     * One piece of a pattern: literal text ({@code conversion} 0), or a conversion {@code d}, {@code f} or
     * {@code s} with the flags, width (-1: none) and precision (-1: none) it is printed with. {@code javaFormat}
     * is the {@link java.util.Formatter} specifier that prints it ({@code %s} keeps only the - flag and the
     * width).
     */
    public record Piece(String literal, char conversion, String flags, int width, int precision, String javaFormat) {
        public boolean isLiteral() {
            return conversion == 0;
        }

        public boolean has(char flag) {
            return flags.indexOf(flag) >= 0;
        }
    }

    private static final Pattern SPEC = Pattern.compile("%([-+ 0,(]*)(\\d+)?(?:\\.(\\d+))?([dfs%])");

    public static List<Piece> parse(String pattern) {
        List<Piece> out = new ArrayList<>();
        Matcher m = SPEC.matcher(pattern);
        StringBuilder text = new StringBuilder();
        int last = 0;
        while (m.find()) {
            text.append(pattern, last, m.start());
            last = m.end();
            char conv = m.group(4).charAt(0);
            if (conv == '%') {
                text.append('%');
                continue;
            }
            String flags = m.group(1);
            int width = m.group(2) == null ? -1 : parseOrMax(m.group(2));
            int precision = conv == 'f' && m.group(3) != null ? parseOrMax(m.group(3)) : -1;
            String w = width < 0 ? "" : Integer.toString(width);
            String java = switch (conv) {
                case 's' -> "%" + (flags.contains("-") ? "-" : "") + w + "s";
                case 'd' -> "%" + flags + w + "d";
                default -> "%" + flags + w + (precision < 0 ? "" : "." + precision) + "f";
            };
            if (width == Integer.MAX_VALUE || precision == Integer.MAX_VALUE || !printable(java, conv)) {
                text.append(m.group());
                continue;
            }
            if (text.length() > 0) out.add(literal(text));
            text.setLength(0);
            String kept = conv == 's' ? (flags.contains("-") ? "-" : "") : flags;
            out.add(new Piece("", conv, kept, width, precision, java));
        }
        text.append(pattern.substring(last));
        if (text.length() > 0) out.add(literal(text));
        return out;
    }

    private static Piece literal(StringBuilder text) {
        return new Piece(text.toString(), (char) 0, "", -1, -1, "");
    }

    /** A width or precision of more than 9,999 is not one s1ql prints (the text would be the width's size). */
    private static int parseOrMax(String digits) {
        return digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /** Whether Java's formatter accepts the specifier (its flag rules are C's for these conversions). */
    private static boolean printable(String java, char conv) {
        try {
            String.format(Locale.ROOT, java, conv == 's' ? "x" : conv == 'd' ? (Object) 1L : (Object) 1.0);
            return true;
        } catch (IllegalFormatException e) {
            return false;
        }
    }
}
