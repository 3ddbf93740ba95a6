// Test-side reader of KQL string literals, written from the Kusto documentation's rules (regular strings with
// backslash escapes; verbatim @"..." strings where only a doubled quote is special). Used to prove that what
// KqlLiteral writes reads back as the same value and ends exactly where the literal ends.
package dev.s1ql.render.kql;

final class KqlStringReader {

    /** A decoded literal and the offset just after its closing quote. */
    record Read(String value, int end) {
    }

    private KqlStringReader() {
    }

    static Read read(String text, int start) {
        StringBuilder v = new StringBuilder();
        if (text.startsWith("@\"", start)) {
            int i = start + 2;
            while (true) {
                char c = text.charAt(i);
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        v.append('"');
                        i += 2;
                        continue;
                    }
                    return new Read(v.toString(), i + 1);
                }
                if (c == '\n' || c == '\r') throw new IllegalStateException("line break inside a verbatim literal");
                v.append(c);
                i++;
            }
        }
        if (text.charAt(start) != '"') throw new IllegalStateException("not a string literal at " + start);
        int i = start + 1;
        while (true) {
            char c = text.charAt(i);
            if (c == '"') return new Read(v.toString(), i + 1);
            if (c == '\n' || c == '\r') throw new IllegalStateException("line break inside a literal");
            if (c == '\\') {
                char n = text.charAt(i + 1);
                switch (n) {
                    case '"', '\\', '\'' -> v.append(n);
                    case 'n' -> v.append('\n');
                    case 'r' -> v.append('\r');
                    case 't' -> v.append('\t');
                    case 'u' -> {
                        v.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                        i += 4;
                    }
                    default -> throw new IllegalStateException("unknown escape \\" + n);
                }
                i += 2;
                continue;
            }
            v.append(c);
            i++;
        }
    }
}
