// Splits KQL text into tokens. String literals follow "The string data type"
// (learn.microsoft.com/kusto/query/scalar-data-types/string): "..." and '...' take backslash escapes (\\ \" \' \t
// \n \r \0 and u with four hex digits); a verbatim literal @"..." or @'...' takes none, and a doubled quote inside it stands for one;
// h"..." (obfuscated) reads like "..."; ```...``` is a multi-line literal without escapes. Number literals:
// "Numerical data types" (long 123, real 1.5 / 1e3); timespan literals 1d 2h 30m 10s 100ms ("The timespan data type").
// Operators written with '!' or '~' (!contains, !in~, =~, !~) and hyphenated operator names (project-rename) are one
// token each. `//` starts a comment to the end of the line. datetime(...) is one token holding the text between the
// parentheses ("The datetime data type": datetime(2015-12-31 23:59:59.9), datetime(2022-02-20T12:16:36.638Z)).
package dev.s1ql.oracle.kql;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

final class KqlLexer {

    enum Kind { IDENT, STRING, NUMBER, TIMESPAN, DATETIME, PUNCT, END }

    record Token(Kind kind, String text, Object value, int pos) {
        boolean is(String s) {
            return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
        }
    }

    private static final Set<String> HYPHENATED = Set.of("project-rename", "project-away", "project-keep",
            "project-reorder", "mv-expand", "mv-apply", "make-series", "top-nested", "top-hitters", "parse-where",
            "parse-kv");

    private static final String[] PUNCTS = {"..", "==", "!=", "=~", "!~", "<=", ">=", "=>", "|", "(", ")", "[", "]",
            "{", "}", ",", "=", ".", "+", "-", "*", "/", "%", "<", ">", ":", ";"};

    private final String text;
    private int pos;

    private KqlLexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        KqlLexer lexer = new KqlLexer(text);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != Kind.END);
        return out;
    }

    private Token next() {
        skipSpaceAndComments();
        if (pos >= text.length()) return new Token(Kind.END, "", null, pos);
        int start = pos;
        char c = text.charAt(pos);
        if (c == '@' && pos + 1 < text.length() && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\'')) {
            pos++;
            String v = verbatim();
            return new Token(Kind.STRING, text.substring(start, pos), v, start);
        }
        if ((c == 'h' || c == 'H') && pos + 1 < text.length() && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\'')) {
            pos++;
            String v = escaped();
            return new Token(Kind.STRING, text.substring(start, pos), v, start);
        }
        if (text.startsWith("```", pos)) {
            int end = text.indexOf("```", pos + 3);
            if (end < 0) throw new KqlException("unterminated ``` string at " + start);
            String v = text.substring(pos + 3, end);
            pos = end + 3;
            return new Token(Kind.STRING, text.substring(start, pos), v, start);
        }
        if (c == '"' || c == '\'') {
            String v = escaped();
            return new Token(Kind.STRING, text.substring(start, pos), v, start);
        }
        if (Character.isDigit(c)) return number(start);
        if (c == '!' && pos + 1 < text.length() && Character.isLetter(text.charAt(pos + 1))) {
            pos++;
            String word = word();
            if (text.startsWith("~", pos)) {
                pos++;
                word += "~";
            }
            return new Token(Kind.IDENT, "!" + word, null, start);
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            String word = word();
            if (word.equals("datetime")) {
                int open = pos;
                while (open < text.length() && Character.isWhitespace(text.charAt(open))) open++;
                if (open < text.length() && text.charAt(open) == '(') {
                    int close = text.indexOf(')', open);
                    if (close < 0) throw new KqlException("unterminated datetime( at " + start);
                    pos = close + 1;
                    return new Token(Kind.DATETIME, text.substring(start, pos), text.substring(open + 1, close).strip(), start);
                }
            }
            if (pos < text.length() && text.charAt(pos) == '-') {
                int save = pos;
                pos++;
                String joined = word + "-" + (pos < text.length() && Character.isLetter(text.charAt(pos)) ? word() : "");
                if (HYPHENATED.contains(joined)) return new Token(Kind.IDENT, joined, null, start);
                pos = save;
            }
            if (word.equals("in") && text.startsWith("~", pos)) {
                pos++;
                word = "in~";
            }
            return new Token(Kind.IDENT, word, null, start);
        }
        for (String p : PUNCTS) {
            if (text.startsWith(p, pos)) {
                pos += p.length();
                return new Token(Kind.PUNCT, p, null, start);
            }
        }
        throw new KqlException("unexpected character '" + c + "' at " + pos);
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
            } else {
                return;
            }
        }
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '$')) pos++;
        return text.substring(start, pos);
    }

    private String verbatim() {
        char quote = text.charAt(pos++);
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw new KqlException("unterminated verbatim string");
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    b.append(quote);
                    pos++;
                    continue;
                }
                return b.toString();
            }
            if (c == '\n') throw new KqlException("line break inside a string literal");
            b.append(c);
        }
    }

    private String escaped() {
        char quote = text.charAt(pos++);
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw new KqlException("unterminated string literal");
            char c = text.charAt(pos++);
            if (c == quote) return b.toString();
            if (c == '\n') throw new KqlException("line break inside a string literal");
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= text.length()) throw new KqlException("unterminated escape");
            char e = text.charAt(pos++);
            switch (e) {
                case '\\', '"', '\'' -> b.append(e);
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case '0' -> b.append('\0');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw new KqlException("bad \\u escape");
                    b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw new KqlException("unknown escape \\" + e + " in a string literal");
            }
        }
    }

    private Token number(int start) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        boolean real = false;
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
            real = true;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                real = true;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            } else {
                pos = save;
            }
        }
        String digits = text.substring(start, pos);
        String unit = unit();
        if (!unit.isEmpty()) {
            BigDecimal n = new BigDecimal(digits);
            long nanos = switch (unit) {
                case "d", "day", "days" -> 86_400_000_000_000L;
                case "h", "hr", "hrs", "hour", "hours" -> 3_600_000_000_000L;
                case "m", "min", "minute", "minutes" -> 60_000_000_000L;
                case "s", "sec", "second", "seconds" -> 1_000_000_000L;
                case "ms", "milli", "millis", "millisecond", "milliseconds" -> 1_000_000L;
                default -> throw new KqlException("unknown timespan unit '" + unit + "'");
            };
            Duration d = Duration.ofNanos(n.multiply(BigDecimal.valueOf(nanos)).longValueExact());
            return new Token(Kind.TIMESPAN, text.substring(start, pos), d, start);
        }
        Object v = real ? (Object) Double.parseDouble(digits) : (Object) Long.parseLong(digits);
        return new Token(Kind.NUMBER, digits, v, start);
    }

    private String unit() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) pos++;
        return text.substring(start, pos);
    }
}
