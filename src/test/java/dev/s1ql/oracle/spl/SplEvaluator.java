// Evaluates eval/where expressions on one event, from Splunk's Search Reference "Evaluation functions" (its
// pages "Comparison and Conditional functions", "Conversion functions", "Text functions", "Multivalue eval
// functions", "Informational functions"): isnull/isnotnull, if, case (null when no condition holds), coalesce
// (first non-null), match (PCRE, unanchored find), like (% any run, _ one character), searchmatch (a search
// expression on the event), lower, upper, len, replace (PCRE; \1 names a group), substr (1-based; a negative start
// counts from the end), mvindex (0-based, negative from the end, end inclusive), mvcount, mvjoin, split, tonumber,
// tostring, trim/ltrim/rtrim (spaces and tabs, or the characters given), round, abs, floor, ceiling/ceil, sqrt,
// exp, ln, pow, min/max (numbers by value, a string greater than any number), true(), false(), null(). Comparisons are numeric when both sides read as numbers,
// else by text, case-sensitive ("where command": = and == compare strings case-sensitively). + adds numbers and
// joins strings; `.` joins text.
// Assumed where the pages are silent: a null operand makes a comparison null; AND/OR/NOT follow three-valued logic
// (null AND false is false, null OR true is true), and where keeps only true. A multivalue field in an operator
// acts as its first value. PCRE is run with java.util.regex, which reads the patterns s1ql emits the same way.
package dev.s1ql.oracle.spl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class SplEvaluator {

    private static final Map<String, Pattern> REGEXES = new ConcurrentHashMap<>();

    private SplEvaluator() {
    }

    static Object eval(SplExpr e, Map<String, Object> event) {
        if (e instanceof SplExpr.Literal l) return l.value();
        if (e instanceof SplExpr.Field f) return event.get(f.name());
        if (e instanceof SplExpr.Not n) {
            Object v = eval(n.operand(), event);
            return v == null ? null : !truth(v);
        }
        if (e instanceof SplExpr.Negate n) {
            BigDecimal d = SplValues.number(eval(n.operand(), event));
            return d == null ? null : d.negate();
        }
        if (e instanceof SplExpr.Binary b) return binary(b, event);
        SplExpr.Call c = (SplExpr.Call) e;
        return call(c, event);
    }

    /** Whether where keeps the event: only a true result does. */
    static boolean keeps(SplExpr e, Map<String, Object> event) {
        return Boolean.TRUE.equals(eval(e, event));
    }

    private static boolean truth(Object v) {
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException("not a boolean: " + v);
    }

    private static Object binary(SplExpr.Binary b, Map<String, Object> event) {
        String op = b.op();
        if (op.equals("AND") || op.equals("OR") || op.equals("XOR")) {
            Object l = eval(b.left(), event);
            Object r = eval(b.right(), event);
            Boolean x = l == null ? null : truth(l);
            Boolean y = r == null ? null : truth(r);
            return switch (op) {
                case "AND" -> Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y) ? Boolean.FALSE : x == null || y == null ? null : true;
                case "OR" -> Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y) ? Boolean.TRUE : x == null || y == null ? null : false;
                default -> x == null || y == null ? null : x ^ y;
            };
        }
        Object l = single(eval(b.left(), event));
        Object r = single(eval(b.right(), event));
        switch (op) {
            case "=", "==", "!=", "<", "<=", ">", ">=": {
                if (l == null || r == null) return null;
                int c = SplValues.compare(l, r);
                return switch (op) {
                    case "=", "==" -> c == 0;
                    case "!=" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
            case "LIKE":
                return l == null || r == null ? null : like(SplValues.text(l), SplValues.text(r));
            case ".":
                return l == null || r == null ? null : SplValues.text(l) + SplValues.text(r);
            default:
                return arithmetic(op, l, r);
        }
    }

    private static Object single(Object v) {
        return v instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : v;
    }

    private static Object arithmetic(String op, Object l, Object r) {
        if (l == null || r == null) return null;
        BigDecimal x = SplValues.number(l);
        BigDecimal y = SplValues.number(r);
        if (op.equals("+") && (x == null || y == null)) {
            return l instanceof String && r instanceof String ? (String) l + r : null;
        }
        if (x == null || y == null) return null;
        return switch (op) {
            case "+" -> x.add(y);
            case "-" -> x.subtract(y);
            case "*" -> x.multiply(y);
            case "/" -> y.signum() == 0 ? null : x.divide(y, MathContext.DECIMAL64);
            default -> y.signum() == 0 ? null : x.remainder(y);
        };
    }

    static boolean like(String text, String pattern) {
        StringBuilder re = new StringBuilder("(?s)");
        for (char c : pattern.toCharArray()) {
            if (c == '%') re.append(".*");
            else if (c == '_') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString()).matcher(text).matches();
    }

    private static Pattern regex(String pattern) {
        return REGEXES.computeIfAbsent(pattern, Pattern::compile);
    }

    private static Object call(SplExpr.Call c, Map<String, Object> event) {
        String fn = c.function().toLowerCase(Locale.ROOT);
        if (fn.equals("searchmatch")) {
            Object q = eval(c.args().get(0), event);
            return SplSearch.matches(SplSearch.parse(SplValues.text(q)), event);
        }
        List<Object> a = new ArrayList<>();
        for (SplExpr arg : c.args()) a.add(eval(arg, event));
        switch (fn) {
            case "true": return true;
            case "false": return false;
            case "null": return null;
            case "isnull": return a.get(0) == null;
            case "isnotnull": return a.get(0) != null;
            case "if": {
                Object p = a.get(0);
                return Boolean.TRUE.equals(p) ? a.get(1) : a.get(2);
            }
            case "case": {
                for (int i = 0; i + 1 < a.size(); i += 2) if (Boolean.TRUE.equals(a.get(i))) return a.get(i + 1);
                return null;
            }
            case "coalesce": {
                for (Object o : a) if (o != null) return o;
                return null;
            }
            case "in": {
                Object v = single(a.get(0));
                if (v == null) return null;
                for (Object o : a.subList(1, a.size())) if (o != null && SplValues.compare(v, o) == 0) return true;
                return false;
            }
            default:
                break;
        }
        Object first = single(a.isEmpty() ? null : a.get(0));
        String text = SplValues.text(first);
        switch (fn) {
            case "match":
                return text == null ? null : regex(SplValues.text(a.get(1))).matcher(text).find();
            case "like":
                return text == null ? null : like(text, SplValues.text(a.get(1)));
            case "lower":
                return text == null ? null : text.toLowerCase(Locale.ROOT);
            case "upper":
                return text == null ? null : text.toUpperCase(Locale.ROOT);
            case "len":
                return text == null ? null : BigDecimal.valueOf(text.codePointCount(0, text.length()));
            case "trim":
            case "ltrim":
            case "rtrim": {
                // "Text functions": without a second argument, spaces and tabs are removed
                if (text == null) return null;
                String chars = a.size() > 1 ? SplValues.text(a.get(1)) : " \t";
                int from = 0;
                int to = text.length();
                if (!fn.equals("rtrim")) while (from < to && chars.indexOf(text.charAt(from)) >= 0) from++;
                if (!fn.equals("ltrim")) while (to > from && chars.indexOf(text.charAt(to - 1)) >= 0) to--;
                return text.substring(from, to);
            }
            case "floor":
            case "ceiling":
            case "ceil": {
                BigDecimal d = SplValues.number(first);
                return d == null ? null : d.setScale(0, fn.equals("floor") ? RoundingMode.FLOOR : RoundingMode.CEILING);
            }
            case "sqrt":
            case "exp":
            case "ln": {
                BigDecimal d = SplValues.number(first);
                if (d == null) return null;
                double v = switch (fn) {
                    case "sqrt" -> Math.sqrt(d.doubleValue());
                    case "exp" -> Math.exp(d.doubleValue());
                    default -> Math.log(d.doubleValue());
                };
                return Double.isFinite(v) ? new BigDecimal(v, MathContext.DECIMAL64) : null;
            }
            case "pow": {
                BigDecimal x = SplValues.number(first);
                BigDecimal y = SplValues.number(a.get(1));
                if (x == null || y == null) return null;
                double v = Math.pow(x.doubleValue(), y.doubleValue());
                return Double.isFinite(v) ? new BigDecimal(v, MathContext.DECIMAL64) : null;
            }
            case "min":
            case "max": {
                // "Statistical eval functions": numbers compare numerically, a string is greater than any number
                Object best = null;
                for (Object o : a) {
                    Object v = single(o);
                    if (v == null) continue;
                    if (best == null) {
                        best = v;
                        continue;
                    }
                    int order = orderNumbersFirst(v, best);
                    if (fn.equals("min") ? order < 0 : order > 0) best = v;
                }
                return best;
            }
            case "replace":
                return text == null ? null : replace(text, SplValues.text(a.get(1)), SplValues.text(a.get(2)));
            case "substr":
                return text == null ? null : substr(text, a);
            case "tonumber":
                return SplValues.number(first);
            case "tostring":
                return text;
            case "round": {
                BigDecimal d = SplValues.number(first);
                int places = a.size() > 1 ? SplValues.number(a.get(1)).intValue() : 0;
                return d == null ? null : d.setScale(places, RoundingMode.HALF_UP);
            }
            case "abs": {
                BigDecimal d = SplValues.number(first);
                return d == null ? null : d.abs();
            }
            case "split": {
                if (text == null) return null;
                String sep = SplValues.text(a.get(1));
                List<Object> parts = new ArrayList<>();
                int from = 0;
                for (int at = text.indexOf(sep, from); at >= 0 && !sep.isEmpty(); at = text.indexOf(sep, from)) {
                    parts.add(text.substring(from, at));
                    from = at + sep.length();
                }
                parts.add(text.substring(from));
                return parts;
            }
            case "mvindex":
                return mvindex(a);
            case "mvcount":
                return a.get(0) == null ? null : BigDecimal.valueOf(SplValues.values(a.get(0)).size());
            case "mvjoin": {
                if (a.get(0) == null) return null;
                List<String> parts = new ArrayList<>();
                for (Object o : SplValues.values(a.get(0))) parts.add(SplValues.text(o));
                return String.join(SplValues.text(a.get(1)), parts);
            }
            default:
                throw new IllegalArgumentException("eval function " + c.function() + "() is not in the oracle's SPL subset");
        }
    }

    private static int orderNumbersFirst(Object a, Object b) {
        BigDecimal x = SplValues.number(a);
        BigDecimal y = SplValues.number(b);
        if (x != null && y != null) return x.compareTo(y);
        if (x != null) return -1;
        if (y != null) return 1;
        return SplValues.text(a).compareTo(SplValues.text(b));
    }

    private static String replace(String text, String regex, String replacement) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char ch = replacement.charAt(i);
            if (ch == '\\' && i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1))) {
                r.append('$').append(replacement.charAt(++i));
            } else if (ch == '$' || ch == '\\') {
                r.append('\\').append(ch);
            } else {
                r.append(ch);
            }
        }
        Matcher m = regex(regex).matcher(text);
        return m.replaceAll(r.toString());
    }

    private static String substr(String text, List<Object> a) {
        int n = text.length();
        int start = SplValues.number(a.get(1)).intValue();
        int from = start > 0 ? start - 1 : start < 0 ? Math.max(0, n + start) : 0;
        if (from >= n) return "";
        int to = n;
        if (a.size() > 2) to = Math.min(n, from + Math.max(0, SplValues.number(a.get(2)).intValue()));
        return text.substring(from, to);
    }

    private static Object mvindex(List<Object> a) {
        if (a.get(0) == null) return null;
        List<?> values = SplValues.values(a.get(0));
        int n = values.size();
        int start = SplValues.number(a.get(1)).intValue();
        if (start < 0) start += n;
        int end = a.size() > 2 ? SplValues.number(a.get(2)).intValue() : start;
        if (end < 0) end += n;
        if (start < 0 || start >= n || end < start) return null;
        end = Math.min(end, n - 1);
        if (start == end) return values.get(start);
        return new ArrayList<Object>(values.subList(start, end + 1));
    }
}
