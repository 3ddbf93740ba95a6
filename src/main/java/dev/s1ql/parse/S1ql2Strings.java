// String literals of S1QL 2.0 / PowerQuery (spec §7.1): single or double quotes, backslash escapes.
package dev.s1ql.parse;

/**
 * Decoding: {@code \\} → {@code \}, {@code \'} → {@code '}, {@code \"} → {@code "}, {@code \/} → {@code /},
 * {@code \n \r \t} → newline, carriage return, tab; any other escape keeps its backslash ({@code '192\.168'} is the text {@code 192\.168}), as real queries rely
 * on. This is the PowerQuery (Data Lake) reading; SentinelOne's STAR detection engine reads 2.0 rule bodies raw
 * (spec §11 Q6), which s1ql does not model.
 */
public final class S1ql2Strings {
    private S1ql2Strings() {
    }

    /** Decodes a literal including its quotes. */
    public static String decode(String literal) {
        String inner = literal.substring(1, literal.length() - 1);
        StringBuilder sb = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                char n = inner.charAt(i + 1);
                if (n == '\\' || n == '\'' || n == '"' || n == '/') {
                    sb.append(n);
                    i++;
                    continue;
                }
                if (n == 'n' || n == 'r' || n == 't') {
                    sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : '\t');
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Writes a value as a single-quoted 2.0 literal: backslash and single quote escaped. */
    public static String quote(String value) {
        return dev.s1ql.ast.PqText.quote(value);
    }
}
