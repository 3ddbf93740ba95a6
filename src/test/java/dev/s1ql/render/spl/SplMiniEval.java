// A small evaluator for the subset of SPL the translator emits (search terms with SPL's precedence — NOT, then
// OR, then the implicit AND — and `| where` eval expressions), written from Splunk's documented rules. It lets
// tests compare, event by event, what an emitted query matches with what the S1QL query means.
package dev.s1ql.render.spl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

final class SplMiniEval {

    private final String text;
    private int pos;
    private final Map<String, String> event;

    private SplMiniEval(String text, Map<String, String> event) {
        this.text = text;
        this.event = event;
    }

    /** Whether the query (search part, then each `| where`) keeps the event. */
    static boolean matches(String spl, Map<String, String> event) {
        List<String> segments = splitPipes(spl);
        SplMiniEval search = new SplMiniEval(segments.get(0).strip(), event);
        boolean keep = search.searchAnd();
        search.expectEnd();
        for (int i = 1; i < segments.size(); i++) {
            String seg = segments.get(i).strip();
            if (!seg.startsWith("where ")) throw new IllegalArgumentException("unsupported command: " + seg);
            SplMiniEval where = new SplMiniEval(seg.substring(6), event);
            Object v = where.evalOr();
            where.expectEnd();
            keep &= Boolean.TRUE.equals(v);
        }
        return keep;
    }

    private static List<String> splitPipes(String s) {
        List<String> out = new ArrayList<>();
        boolean str = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (str && c == '\\') {
                i++;
            } else if (c == '"') {
                str = !str;
            } else if (!str && c == '|') {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    // ---- search command: and := or+ ; or := not (OR not)* ; not := NOT not | primary

    private boolean searchAnd() {
        boolean v = true;
        int n = 0;
        while (true) {
            skip();
            if (pos >= text.length() || peek(")")) break;
            v &= searchOr();
            n++;
        }
        if (n == 0) throw new IllegalArgumentException("empty search at " + pos + ": " + text);
        return v;
    }

    private boolean searchOr() {
        boolean v = searchNot();
        while (word("OR")) v |= searchNot();
        return v;
    }

    private boolean searchNot() {
        if (word("NOT")) return !searchNot();
        skip();
        if (peek("(")) {
            pos++;
            boolean v = searchAnd();
            expect(")");
            return v;
        }
        return term();
    }

    private boolean term() {
        if (peek("*")) {
            pos++;
            return true;
        }
        String field = ident();
        skip();
        if (word("IN")) {
            expect("(");
            boolean any = false;
            do {
                any |= glob(event.get(field), value());
            } while (accept(","));
            expect(")");
            return any;
        }
        String op = text.startsWith("!=", pos) ? "!=" : text.startsWith(">=", pos) ? ">=" : text.startsWith("<=", pos)
                ? "<=" : text.substring(pos, pos + 1);
        pos += op.length();
        String v = value();
        String actual = event.get(field);
        return switch (op) {
            case "=" -> glob(actual, v);
            case "!=" -> actual != null && !glob(actual, v);
            default -> actual != null && compare(actual, v, op);
        };
    }

    private static boolean glob(String actual, String pattern) {
        if (actual == null) return false;
        StringBuilder re = new StringBuilder("(?is)");
        for (String part : pattern.split("\\*", -1)) re.append(Pattern.quote(part)).append(".*");
        re.setLength(re.length() - 2);
        return Pattern.compile(re.toString()).matcher(actual).matches();
    }

    private static boolean compare(String actual, String v, String op) {
        BigDecimal a;
        try {
            a = new BigDecimal(actual.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        int c = a.compareTo(new BigDecimal(v));
        return switch (op) {
            case ">" -> c > 0;
            case "<" -> c < 0;
            case ">=" -> c >= 0;
            default -> c <= 0;
        };
    }

    private String value() {
        skip();
        if (peek("\"")) return string();
        int start = pos;
        while (pos < text.length() && " ),|".indexOf(text.charAt(pos)) < 0) pos++;
        return text.substring(start, pos);
    }

    // ---- eval: or := and (OR and)* ; and := not (AND not)* ; not := NOT not | cmp

    private Object evalOr() {
        Object v = evalAnd();
        while (word("OR")) {
            Object r = evalAnd();
            v = Boolean.TRUE.equals(v) || Boolean.TRUE.equals(r);
        }
        return v;
    }

    private Object evalAnd() {
        Object v = evalNot();
        while (word("AND")) {
            Object r = evalNot();
            v = Boolean.TRUE.equals(v) && Boolean.TRUE.equals(r);
        }
        return v;
    }

    private Object evalNot() {
        if (word("NOT")) {
            Object v = evalNot();
            return v == null ? null : !Boolean.TRUE.equals(v);
        }
        Object left = primary();
        skip();
        for (String op : new String[]{"==", "!=", ">=", "<=", ">", "<"}) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                Object right = primary();
                if (left == null || right == null) return null;
                if (left instanceof BigDecimal || right instanceof BigDecimal) {
                    return compare(left.toString(), right.toString(), op.equals("==") ? "=" : op);
                }
                int c = left.toString().compareTo(right.toString());
                return switch (op) {
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case ">=" -> c >= 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c < 0;
                };
            }
        }
        return left;
    }

    private Object primary() {
        skip();
        if (peek("(")) {
            pos++;
            Object v = evalOr();
            expect(")");
            return v;
        }
        if (peek("\"")) return string();
        if (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '-') {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".-".indexOf(text.charAt(pos)) >= 0)) pos++;
            return new BigDecimal(text.substring(start, pos));
        }
        String name = ident();
        skip();
        if (!peek("(")) return event.get(name);
        pos++;
        List<Object> args = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        skip();
        if (!peek(")")) {
            do {
                skip();
                int start = pos;
                args.add(evalOr());
                raw.add(text.substring(start, pos).strip());
            } while (accept(","));
        }
        expect(")");
        return switch (name) {
            case "isnotnull" -> args.get(0) != null;
            case "isnull" -> args.get(0) == null;
            case "true" -> true;
            case "false" -> false;
            case "lower" -> args.get(0) == null ? null : args.get(0).toString().toLowerCase(Locale.ROOT);
            case "tonumber" -> number(args.get(0));
            case "match" -> args.get(0) == null ? null
                    : Pattern.compile(args.get(1).toString()).matcher(args.get(0).toString()).find();
            // every match of the regex replaced; the tests' patterns and replacements mean the same in Java and PCRE
            case "replace" -> args.get(0) == null ? null
                    : Pattern.compile(args.get(1).toString()).matcher(args.get(0).toString())
                            .replaceAll(java.util.regex.Matcher.quoteReplacement(args.get(2).toString()));
            case "searchmatch" -> matches(args.get(0).toString(), event);
            default -> throw new IllegalArgumentException("unknown function " + name + " " + raw);
        };
    }

    private static Object number(Object o) {
        if (o == null) return null;
        try {
            return new BigDecimal(o.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- lexing helpers

    private String string() {
        expect("\"");
        StringBuilder b = new StringBuilder();
        while (text.charAt(pos) != '"') {
            if (text.charAt(pos) == '\\') pos++;
            b.append(text.charAt(pos++));
        }
        pos++;
        return b.toString();
    }

    private String ident() {
        skip();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '.')) pos++;
        if (start == pos) throw new IllegalArgumentException("expected a name at " + pos + ": " + text);
        return text.substring(start, pos);
    }

    private void skip() {
        while (pos < text.length() && text.charAt(pos) == ' ') pos++;
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
        if (!text.startsWith(w + " ", pos) && !text.startsWith(w + "(", pos)) return false;
        pos += w.length();
        return true;
    }

    private void expect(String s) {
        if (!accept(s)) throw new IllegalArgumentException("expected '" + s + "' at " + pos + ": " + text);
    }

    private void expectEnd() {
        skip();
        if (pos != text.length()) throw new IllegalArgumentException("trailing text at " + pos + ": " + text);
    }
}
