// Tells S1QL 1.0 from S1QL 2.0 / PowerQuery by their marks outside string literals (spec §1), and finds
// queries that mix them (accepted by the console, but they never match).
package dev.s1ql.parse;

import dev.s1ql.ast.Dialect;
import dev.s1ql.ast.Span;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class DialectDetector {

    /** One mark of a dialect: what was seen and where. */
    public record Mark(String text, String why, Span span) {
    }

    /**
     * @param dialect the detected dialect, or null when the text has marks of neither
     * @param v1      marks of S1QL 1.0
     * @param v2      marks of S1QL 2.0 / PowerQuery
     */
    public record Detection(Dialect dialect, List<Mark> v1, List<Mark> v2) {
        public boolean mixed() {
            return !v1.isEmpty() && !v2.isEmpty();
        }
    }

    private static final Pattern WORD = Pattern.compile("#?[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*");
    /** 1.0 operator words, lower case (the detector compares the lower-cased word). */
    private static final java.util.Set<String> V1_OPERATOR = java.util.Set.of("containscis", "containcis",
            "startswithcis", "endswithcis", "regexp", "anycase", "exists", "empty", "does");

    private final FieldCatalog catalog;

    public DialectDetector(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    public Detection detect(String text) {
        Columns columns = new Columns();
        List<Mark> v1 = new ArrayList<>();
        List<Mark> v2 = new ArrayList<>();
        boolean pipe = false;
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = text.length();
        String prevWord = "";
        boolean inList = false;
        Matcher m = WORD.matcher(text);
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
                continue;
            }
            if (c == '$' && text.startsWith("$\"", i)) {
                v2.add(mark(text, i, i + 2, line, lineStart, "the $\"...\" message shorthand", columns));
                i++;
                continue;
            }
            if (c == '"') {
                // The 1.0 string rule also ends 2.0 double-quoted strings right (\" inside, \\ at the end).
                final int from = i + 1;
                StringLiteralScanner.Scan scan = StringLiteralScanner.scan(
                        k -> from + k - 1 < n ? text.charAt(from + k - 1) : -1, inList, false);
                i = from + scan.length();
                continue;
            }
            if (c == '(') inList = prevWord.equals("in") || prevWord.equals("contains") || prevWord.equals("anycase");
            if (c == ')') inList = false;
            if (c == '\'') {
                v2.add(mark(text, i, i + 1, line, lineStart, "a single-quoted string", columns));
                i = skipString(text, i, '\'');
                continue;
            }
            if (text.startsWith("--", i) && text.substring(lineStart, i).isBlank()) {
                v1.add(mark(text, i, i + 2, line, lineStart, "a '--' comment", columns));
                i = endOfLine(text, i);
                continue;
            }
            if (text.startsWith("//", i) || text.startsWith("/*", i)) {
                v2.add(mark(text, i, i + 2, line, lineStart, "a '" + text.substring(i, i + 2) + "' comment", columns));
                i = text.startsWith("//", i) ? endOfLine(text, i) : Math.max(text.indexOf("*/", i + 2) + 2, n);
                continue;
            }
            if (c == '|' && !text.startsWith("||", i)) {
                v2.add(mark(text, i, i + 1, line, lineStart, "a '|' pipeline", columns));
                pipe = true;
                i++;
                continue;
            }
            if (text.startsWith("==", i) || text.startsWith("&&", i) || text.startsWith("||", i)
                    || text.startsWith("!(", i) || text.startsWith(":anycase", i) || text.startsWith(":matchcase", i)) {
                String tok = text.startsWith(":", i) ? text.substring(i, text.indexOf("case", i) + 4) : text.substring(i, i + 2);
                v2.add(mark(text, i, i + tok.length(), line, lineStart, "'" + tok + "'", columns));
                i += tok.length();
                continue;
            }
            if ((Character.isLetter(c) || c == '_' || c == '#') && m.region(i, n).lookingAt()) {
                String w = m.group();
                String lower = w.toLowerCase(Locale.ROOT);
                if (w.startsWith("#") || w.contains(".")) {
                    // only names the catalog knows as 2.0 names: "cmd.exe" in a broken 1.0 query is not a mark
                    if (catalog.lookupS1ql2(w) != null) {
                        v2.add(mark(text, i, m.end(), line, lineStart, "the dotted field name " + w, columns));
                    }
                } else if (lower.equals("matches")) {
                    v2.add(mark(text, i, m.end(), line, lineStart, "the 2.0 operator 'matches'", columns));
                } else if (V1_OPERATOR.contains(lower) || (lower.equals("contains") && prevWord.equals("in"))) {
                    v1.add(mark(text, i, m.end(), line, lineStart, "the 1.0 operator word '" + w + "'", columns));
                } else if (!pipe) {
                    // After a '|' the text is PowerQuery stages, whose names (`columns User = ...`) are not 1.0 fields.
                    FieldInfo f = catalog.lookup(w);
                    if (f != null && Character.isUpperCase(w.charAt(0)) || f != null && hasInnerUpper(w)) {
                        v1.add(mark(text, i, m.end(), line, lineStart, "the 1.0 field name " + w, columns));
                    }
                }
                prevWord = lower;
                i = m.end();
                continue;
            }
            i++;
        }
        Dialect d;
        if (!v2.isEmpty()) d = pipe ? Dialect.POWERQUERY : Dialect.S1QL_2;
        else if (!v1.isEmpty()) d = Dialect.S1QL_1;
        else d = null;
        if (!v1.isEmpty() && !v2.isEmpty()) d = v1.size() >= v2.size() ? Dialect.S1QL_1 : d;
        return new Detection(d, v1, v2);
    }

    private static boolean hasInnerUpper(String w) {
        for (int k = 1; k < w.length(); k++) if (Character.isUpperCase(w.charAt(k))) return true;
        return false;
    }

    /**
     * Skips a single-quoted (2.0) string the way the 2.0 lexer reads it: a backslash escapes whatever follows, so
     * {@code 'a\\'} ends at its second quote (an escaped backslash, then the closing quote).
     */
    private static int skipString(String text, int i, char quote) {
        int k = i + 1;
        while (k < text.length()) {
            char c = text.charAt(k);
            if (c == '\\' && k + 1 < text.length()) {
                k += 2;
                continue;
            }
            if (c == quote) return k + 1;
            if (c == '\n') return k;
            k++;
        }
        return k;
    }

    private static int endOfLine(String text, int i) {
        int nl = text.indexOf('\n', i);
        return nl < 0 ? text.length() : nl;
    }

    /**
     * Columns counted on from the last mark of the same line, not from the line's start each time: a long one-line
     * rule with a thousand field names would otherwise count its line a thousand times.
     */
    private static final class Columns {
        int lineStart = -1;
        int to;
        int column;

        int at(String text, int lineStart, int index) {
            if (this.lineStart != lineStart || to > index) {
                this.lineStart = lineStart;
                to = lineStart;
                column = 1;
            }
            column += text.codePointCount(to, index);
            to = index;
            return column;
        }
    }

    private static Mark mark(String text, int start, int end, int line, int lineStart, String why, Columns columns) {
        int col = columns.at(text, lineStart, start);
        return new Mark(text.substring(start, end), why,
                new Span(start, end, line, col, line, col + text.codePointCount(start, end) - 1));
    }
}
