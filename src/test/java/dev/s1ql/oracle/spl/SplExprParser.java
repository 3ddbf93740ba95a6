// Parses eval and where expressions. Precedence from Splunk's "eval command" (Search Reference, "Operators"):
// * / % bind tightest, then + - . , then < > <= >=, then = == !=, then LIKE, then NOT, then AND, then OR and XOR.
// String literals are in double quotes with \" and \\ as escapes (other backslashes are kept as written: "Quotes
// and escaping characters"); a name in single quotes is a field name; numbers are literals.
package dev.s1ql.oracle.spl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

final class SplExprParser {

    private final String text;
    private int pos;

    private SplExprParser(String text) {
        this.text = text;
    }

    static SplExpr parse(String text) {
        SplExprParser p = new SplExprParser(text);
        SplExpr e = p.or();
        p.skip();
        if (p.pos != text.length()) throw new IllegalArgumentException("unexpected text at " + p.pos + ": " + text);
        return e;
    }

    /** Parses one expression starting at {@code from}; returns it and where it ended (for eval's comma lists). */
    static Object[] parsePrefix(String text, int from) {
        SplExprParser p = new SplExprParser(text);
        p.pos = from;
        SplExpr e = p.or();
        p.skip();
        return new Object[]{e, p.pos};
    }

    private SplExpr or() {
        SplExpr left = and();
        while (true) {
            if (word("OR")) left = new SplExpr.Binary("OR", left, and());
            else if (word("XOR")) left = new SplExpr.Binary("XOR", left, and());
            else return left;
        }
    }

    private SplExpr and() {
        SplExpr left = not();
        while (word("AND")) left = new SplExpr.Binary("AND", left, not());
        return left;
    }

    private SplExpr not() {
        if (word("NOT")) return new SplExpr.Not(not());
        return like();
    }

    private SplExpr like() {
        SplExpr left = equality();
        while (word("LIKE")) left = new SplExpr.Binary("LIKE", left, equality());
        return left;
    }

    private SplExpr equality() {
        SplExpr left = relational();
        while (true) {
            skip();
            String op = peek("==") ? "==" : peek("!=") ? "!=" : peek("=") ? "=" : null;
            if (op == null) return left;
            pos += op.length();
            left = new SplExpr.Binary(op, left, relational());
        }
    }

    private SplExpr relational() {
        SplExpr left = additive();
        while (true) {
            skip();
            String op = peek("<=") ? "<=" : peek(">=") ? ">=" : peek("<") ? "<" : peek(">") ? ">" : null;
            if (op == null) return left;
            pos += op.length();
            left = new SplExpr.Binary(op, left, additive());
        }
    }

    private SplExpr additive() {
        SplExpr left = multiplicative();
        while (true) {
            skip();
            String op = peek("+") ? "+" : peek("-") ? "-" : peek(".") && !nextIsDigit() ? "." : null;
            if (op == null) return left;
            pos++;
            left = new SplExpr.Binary(op, left, multiplicative());
        }
    }

    private boolean nextIsDigit() {
        return pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1));
    }

    private SplExpr multiplicative() {
        SplExpr left = unary();
        while (true) {
            skip();
            String op = peek("*") ? "*" : peek("/") ? "/" : peek("%") ? "%" : null;
            if (op == null) return left;
            pos++;
            left = new SplExpr.Binary(op, left, unary());
        }
    }

    private SplExpr unary() {
        skip();
        if (peek("-")) {
            pos++;
            return new SplExpr.Negate(unary());
        }
        return primary();
    }

    private SplExpr primary() {
        skip();
        if (pos >= text.length()) throw new IllegalArgumentException("unexpected end of expression: " + text);
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            SplExpr e = or();
            expect(")");
            return e;
        }
        if (c == '"') return new SplExpr.Literal(string());
        if (c == '\'') {
            int end = text.indexOf('\'', pos + 1);
            if (end < 0) throw new IllegalArgumentException("unterminated field name: " + text);
            String name = text.substring(pos + 1, end);
            pos = end + 1;
            return new SplExpr.Field(name);
        }
        if (Character.isDigit(c) || (c == '.' && nextIsDigit())) {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) pos++;
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            }
            return new SplExpr.Literal(new BigDecimal(text.substring(start, pos)));
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '.' && pos + 1 < text.length() && Character.isLetter(text.charAt(pos + 1)))) pos++;
        if (start == pos) throw new IllegalArgumentException("unexpected '" + c + "' at " + pos + ": " + text);
        String name = text.substring(start, pos);
        skip();
        if (!peek("(")) return new SplExpr.Field(name);
        pos++;
        List<SplExpr> args = new ArrayList<>();
        skip();
        if (!peek(")")) {
            do args.add(or()); while (accept(","));
        }
        expect(")");
        return new SplExpr.Call(name, args);
    }


    private String string() {
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw new IllegalArgumentException("unterminated string: " + text);
            char c = text.charAt(pos++);
            if (c == '"') return b.toString();
            if (c == '\\' && pos < text.length() && (text.charAt(pos) == '\\' || text.charAt(pos) == '"')) c = text.charAt(pos++);
            b.append(c);
        }
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private boolean peek(String s) {
        return text.startsWith(s, pos);
    }

    private boolean accept(String s) {
        skip();
        if (!peek(s)) return false;
        pos += s.length();
        return true;
    }

    private boolean word(String w) {
        skip();
        if (!text.startsWith(w, pos)) return false;
        int end = pos + w.length();
        if (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) return false;
        pos = end;
        return true;
    }

    private void expect(String s) {
        if (!accept(s)) throw new IllegalArgumentException("expected '" + s + "' at " + pos + ": " + text);
    }
}
