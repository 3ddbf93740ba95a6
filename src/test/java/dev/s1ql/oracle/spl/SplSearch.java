// The search command's expression over one event (also the implied search at the start of a query). From
// Splunk's Search Manual and Search Reference: "Boolean expressions with logical operators" (the operators must be
// capitalized; AND is implied between terms; the search command evaluates NOT, then OR, then AND), "search command"
// (field=value, field!=value, comparison operators, field IN (v1, v2, ...), wildcards), "Difference between NOT
// and !=" (field!=value matches only events that have the field; NOT field=value also matches events without it),
// "Backslashes" (\\ is a literal backslash, \" a quote; a backslash cannot escape the asterisk, which is always a
// wildcard), CASE(value) for a case-sensitive value. Field names are case-sensitive, values are not.
package dev.s1ql.oracle.spl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class SplSearch {

    /** A parsed search expression. */
    sealed interface Node {
    }

    record All(List<Node> terms) implements Node {
    }

    record Any(List<Node> terms) implements Node {
    }

    record Negation(Node term) implements Node {
    }

    /** field op value; op is =, !=, <, <=, >, >=; {@code caseSensitive} for CASE(value). */
    record Term(String field, String op, String value, boolean caseSensitive) implements Node {
    }

    record In(String field, List<String> values) implements Node {
    }

    /** A lone `*`: every event. */
    record Everything() implements Node {
    }

    private final String text;
    private int pos;

    private SplSearch(String text) {
        this.text = text;
    }

    static Node parse(String text) {
        SplSearch p = new SplSearch(text);
        Node n = p.and();
        p.skip();
        if (p.pos != text.length()) throw new IllegalArgumentException("unexpected text at " + p.pos + ": " + text);
        return n;
    }

    static boolean matches(Node n, Map<String, Object> event) {
        if (n instanceof Everything) return true;
        if (n instanceof All a) {
            for (Node t : a.terms()) if (!matches(t, event)) return false;
            return true;
        }
        if (n instanceof Any a) {
            for (Node t : a.terms()) if (matches(t, event)) return true;
            return false;
        }
        if (n instanceof Negation x) return !matches(x.term(), event);
        if (n instanceof In in) {
            for (Object v : SplValues.values(event.get(in.field()))) {
                for (String pattern : in.values()) if (SplValues.glob(SplValues.text(v), pattern, false)) return true;
            }
            return false;
        }
        Term t = (Term) n;
        List<?> values = SplValues.values(event.get(t.field()));
        if (values.isEmpty()) return false;
        switch (t.op()) {
            case "=":
                for (Object v : values) if (SplValues.glob(SplValues.text(v), t.value(), t.caseSensitive())) return true;
                return false;
            case "!=":
                for (Object v : values) if (SplValues.glob(SplValues.text(v), t.value(), t.caseSensitive())) return false;
                return true;
            default:
                for (Object v : values) {
                    BigDecimal a = SplValues.number(v);
                    BigDecimal b = SplValues.number(t.value());
                    int c = a != null && b != null ? a.compareTo(b) : SplValues.text(v).compareTo(t.value());
                    boolean ok = switch (t.op()) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
                    if (ok) return true;
                }
                return false;
        }
    }

    // ---- parsing: and := or+ (AND optional) ; or := not (OR not)* ; not := NOT not | '(' and ')' | term

    private Node and() {
        List<Node> terms = new ArrayList<>();
        while (true) {
            skip();
            if (pos >= text.length() || peek(")")) break;
            if (word("AND")) continue;
            terms.add(or());
        }
        if (terms.isEmpty()) throw new IllegalArgumentException("empty search expression at " + pos + ": " + text);
        return terms.size() == 1 ? terms.get(0) : new All(terms);
    }

    private Node or() {
        List<Node> terms = new ArrayList<>();
        terms.add(not());
        while (word("OR")) terms.add(not());
        return terms.size() == 1 ? terms.get(0) : new Any(terms);
    }

    private Node not() {
        if (word("NOT")) return new Negation(not());
        skip();
        if (peek("(")) {
            pos++;
            Node n = and();
            expect(")");
            return n;
        }
        return term();
    }

    private Node term() {
        skip();
        if (peek("*") && (pos + 1 == text.length() || " )".indexOf(text.charAt(pos + 1)) >= 0)) {
            pos++;
            return new Everything();
        }
        if (peek("\"")) throw new IllegalArgumentException("phrase searches of _raw are not in the oracle's subset: " + text);
        String field = bare();
        skip();
        if (word("IN")) {
            expect("(");
            List<String> values = new ArrayList<>();
            do {
                skip();
                values.add(value());
                skip();
            } while (accept(","));
            expect(")");
            return new In(field, values);
        }
        for (String op : new String[]{"!=", "<=", ">=", "=", "<", ">"}) {
            if (peek(op)) {
                pos += op.length();
                skip();
                boolean caseSensitive = false;
                String v;
                if (text.startsWith("CASE(", pos)) {
                    pos += 5;
                    v = value();
                    expect(")");
                    caseSensitive = true;
                } else {
                    v = value();
                }
                return new Term(field, op, v, caseSensitive);
            }
        }
        throw new IllegalArgumentException("keyword searches of _raw are not in the oracle's subset: '" + field + "' in " + text);
    }

    private String value() {
        if (peek("\"")) {
            pos++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (pos >= text.length()) throw new IllegalArgumentException("unterminated quoted value: " + text);
                char c = text.charAt(pos++);
                if (c == '"') return b.toString();
                if (c == '\\' && pos < text.length() && (text.charAt(pos) == '\\' || text.charAt(pos) == '"')) c = text.charAt(pos++);
                b.append(c);
            }
        }
        String raw = bare();
        return raw.replace("\\\\", "\\");
    }

    private String bare() {
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "()=!<>,\"".indexOf(text.charAt(pos)) < 0) pos++;
        if (start == pos) throw new IllegalArgumentException("expected a field or value at " + pos + ": " + text);
        return text.substring(start, pos);
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
        if (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '(') return false;
        pos = end;
        return true;
    }

    private void expect(String s) {
        if (!accept(s)) throw new IllegalArgumentException("expected '" + s + "' at " + pos + ": " + text);
    }
}
