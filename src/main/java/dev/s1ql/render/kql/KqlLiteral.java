// The one place that turns a value into KQL literal text. S1QL 1.0 values are raw (a backslash is data), so
// a value with a backslash becomes a verbatim string @"..." in which only the quote needs doubling; any other
// value becomes a regular "..." string with escapes. Either way the value cannot end its literal early.
package dev.s1ql.render.kql;

import java.math.BigDecimal;

public final class KqlLiteral {

    private KqlLiteral() {
    }

    /** A KQL string literal whose value is exactly {@code value}. */
    public static String string(String value) {
        // A verbatim literal cannot hold a line break or other control character, so those values take the
        // escaped form even when they hold a backslash.
        if (value.indexOf('\\') >= 0 && !hasControl(value)) {
            return "@\"" + value.replace("\"", "\"\"") + "\"";
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (isControl(c)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A KQL number literal for a number read by the one number rule (NumberText). */
    public static String number(BigDecimal n) {
        // Integers fit int/long columns as they are; a fraction must be written as a real.
        return n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString();
    }

    /** A KQL datetime literal for an ISO-8601 text, or null when the text is not a plain timestamp. */
    public static String datetime(String text) {
        String t = text.trim();
        if (!t.matches("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,7})?)?)?Z?")) return null;
        return "datetime(" + t + ")";
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) if (isControl(s.charAt(i))) return true;
        return false;
    }

    // Line and paragraph separators count too: a reader of the output would see a line break.
    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || (c >= 0x80 && c < 0xa0);
    }
}
