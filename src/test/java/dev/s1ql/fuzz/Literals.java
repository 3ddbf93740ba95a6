// Test-side readers of the string literals each target writes, from each language's documented rules, so the
// fuzzer can check that a value written as a literal reads back as exactly that value.
package dev.s1ql.fuzz;

final class Literals {
    private Literals() {
    }

    /** A KQL literal: "..." with backslash escapes (\" \\ \n \r \t \\uXXXX), or verbatim @"..." with "" for a quote. */
    static String kql(String lit) {
        if (lit.startsWith("@\"")) return lit.substring(2, lit.length() - 1).replace("\"\"", "\"");
        StringBuilder sb = new StringBuilder();
        String in = lit.substring(1, lit.length() - 1);
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char n = in.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(in.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }

    /** An SPL double-quoted string: \\ and \" are the escapes. */
    static String spl(String lit) {
        StringBuilder sb = new StringBuilder();
        String in = lit.substring(1, lit.length() - 1);
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c == '\\' && i + 1 < in.length()) c = in.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A SQL literal: '...' with '' for a quote (DuckDB, Trino) or backslash escapes (Spark), possibly spliced with
     * chr(0) as ('a' || chr(0) || 'b'). Throws when the text is not exactly such a literal.
     */
    static String sql(String lit, boolean backslashEscapes) {
        boolean spliced = lit.startsWith("(");
        int i = spliced ? 1 : 0;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (lit.startsWith("chr(0)", i)) {
                sb.append('\u0000');
                i += 6;
            } else {
                if (lit.charAt(i) != '\'') throw new IllegalArgumentException("not a literal at " + i + ": " + lit);
                i++;
                while (true) {
                    char c = lit.charAt(i);
                    if (backslashEscapes && c == '\\') {
                        sb.append(lit.charAt(i + 1));
                        i += 2;
                    } else if (c == '\'' && !backslashEscapes && i + 1 < lit.length() && lit.charAt(i + 1) == '\'') {
                        sb.append('\'');
                        i += 2;
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        sb.append(c);
                        i++;
                    }
                }
            }
            if (!spliced) break;
            if (lit.startsWith(" || ", i)) {
                i += 4;
                continue;
            }
            if (lit.charAt(i) != ')') throw new IllegalArgumentException("not a spliced literal: " + lit);
            i++;
            break;
        }
        if (i != lit.length()) throw new IllegalArgumentException("text after the literal: " + lit);
        return sb.toString();
    }
}
