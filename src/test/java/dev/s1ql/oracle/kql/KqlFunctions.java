// The KQL scalar functions the oracle knows, each as its page in the KQL reference describes it
// (learn.microsoft.com/kusto/query/<name>-function): isempty ("true if the argument is an empty string or null"),
// isnotempty, isnull (a string is never null: isnull("") is false), isnotnull, tostring (null -> ""), tolong/toint
// (null when the conversion fails), todouble/toreal, tobool, tolower, toupper, strlen (characters), substring
// (zero-based start, optional length), replace_string (every occurrence), replace_regex (RE2, \1 in the rewrite
// names a group), extract (RE2; the capture group's text, "" without a match), split (a dynamic array; with an
// index, an array of that one part), strcat, iff/iif, case, not, parse_json/todynamic, coalesce, array_length,
// indexof, bin, strcmp (-1, 0 or 1 by ordinal order), trim/trim_start/trim_end (regex first: every leading and
// trailing match removed), array_sort_asc, array_slice (end included), min_of/max_of (nulls ignored), abs,
// ceiling, sqrt, exp, log (natural), pow.
package dev.s1ql.oracle.kql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.re2j.Matcher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

final class KqlFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KqlFunctions() {
    }

    static Object call(String name, List<Object> a) {
        return switch (name) {
            case "isempty" -> isEmpty(arg(a, 0, 1, name));
            case "isnotempty" -> !isEmpty(arg(a, 0, 1, name));
            case "isnull" -> arg(a, 0, 1, name) == null;
            case "isnotnull" -> arg(a, 0, 1, name) != null;
            case "tostring" -> KqlValues.text(arg(a, 0, 1, name));
            case "tolong", "toint" -> toLong(KqlValues.scalar(arg(a, 0, 1, name)));
            case "todouble", "toreal" -> toDouble(KqlValues.scalar(arg(a, 0, 1, name)));
            // todecimal: Kusto's 128-bit decimal; the oracle holds it as a double, exact for the values specs use
            case "todecimal" -> toDouble(KqlValues.scalar(arg(a, 0, 1, name)));
            case "tobool", "toboolean" -> toBool(KqlValues.scalar(arg(a, 0, 1, name)));
            case "todatetime" -> toDatetime(KqlValues.scalar(arg(a, 0, 1, name)));
            case "tolower" -> string(arg(a, 0, 1, name), name).toLowerCase(Locale.ROOT);
            case "toupper" -> string(arg(a, 0, 1, name), name).toUpperCase(Locale.ROOT);
            case "strlen" -> (long) string(arg(a, 0, 1, name), name).codePointCount(0, string(a.get(0), name).length());
            case "substring" -> substring(a);
            case "replace_string" -> string(arg(a, 0, 3, name), name).replace(string(a.get(1), name), string(a.get(2), name));
            case "replace_regex" -> replaceRegex(string(arg(a, 0, 3, name), name), string(a.get(1), name), string(a.get(2), name));
            case "extract" -> extract(a);
            case "split" -> split(a);
            case "strcat" -> {
                StringBuilder b = new StringBuilder();
                for (Object o : a) b.append(KqlValues.text(o));
                yield b.toString();
            }
            case "iff", "iif" -> Boolean.TRUE.equals(arg(a, 0, 3, name)) ? a.get(1) : a.get(2);
            case "case" -> {
                if (a.size() < 3 || a.size() % 2 == 0) throw new KqlException("case() needs predicate/value pairs and an else");
                for (int i = 0; i + 1 < a.size(); i += 2) if (Boolean.TRUE.equals(a.get(i))) yield a.get(i + 1);
                yield a.get(a.size() - 1);
            }
            case "not" -> {
                Object v = arg(a, 0, 1, name);
                if (v != null && !(v instanceof Boolean)) throw new KqlException("not() needs a bool");
                yield v == null ? null : !(Boolean) v;
            }
            case "parse_json", "todynamic" -> parseJson(arg(a, 0, 1, name));
            case "coalesce" -> {
                for (Object o : a) if (o != null && !"".equals(o)) yield o;
                yield a.isEmpty() ? null : a.get(a.size() - 1) instanceof String ? "" : null;
            }
            case "array_length" -> {
                Object v = arg(a, 0, 1, name);
                yield v instanceof JsonNode n && n.isArray() ? (Object) (long) n.size() : null;
            }
            case "indexof" -> {
                String s = string(arg(a, 0, 2, name), name);
                yield (long) s.indexOf(string(a.get(1), name));
            }
            case "bin", "floor" -> bin(arg(a, 0, 2, name), a.get(1));
            case "strcmp" -> {
                if (a.size() != 2) throw new KqlException("strcmp() takes 2 arguments");
                int c = string(a.get(0), name).compareTo(string(a.get(1), name));
                yield (long) Integer.signum(c);
            }
            case "trim", "trim_start", "trim_end" -> trim(name, string(arg(a, 0, 2, name), name), string(a.get(1), name));
            case "array_sort_asc" -> sortArray(arg(a, 0, 1, name));
            case "array_slice" -> slice(a);
            case "min_of", "max_of" -> {
                Object best = null;
                for (Object o : a) {
                    Object v = KqlValues.scalar(o);
                    if (v == null) continue;
                    int c = best == null ? 0 : KqlValues.compare(v, best);
                    if (best == null || (name.equals("min_of") ? c < 0 : c > 0)) best = v;
                }
                yield best;
            }
            case "abs" -> math(arg(a, 0, 1, name), Math::abs);
            case "ceiling" -> math(arg(a, 0, 1, name), Math::ceil);
            case "sqrt" -> math(arg(a, 0, 1, name), Math::sqrt);
            case "exp" -> math(arg(a, 0, 1, name), Math::exp);
            case "log" -> math(arg(a, 0, 1, name), Math::log);
            case "pow" -> {
                Object x = KqlValues.scalar(arg(a, 0, 2, name));
                Object y = KqlValues.scalar(a.get(1));
                yield x == null || y == null ? null : (Object) Math.pow(((Number) x).doubleValue(), ((Number) y).doubleValue());
            }
            default -> throw new KqlException("function " + name + "() is not in the oracle's KQL subset");
        };
    }

    /** trim(regex, source): every leading and/or trailing match of regex removed (trim_start, trim_end: one side). */
    private static String trim(String fn, String regex, String source) {
        String s = source;
        if (!fn.equals("trim_end")) s = KqlStringOperators.regex("^(?:" + regex + ")+").matcher(s).replaceFirst("");
        if (!fn.equals("trim_start")) s = KqlStringOperators.regex("(?:" + regex + ")+$").matcher(s).replaceFirst("");
        return s;
    }

    /** array_sort_asc(array): the elements in ascending order (a null array stays null). */
    private static Object sortArray(Object v) {
        if (!(v instanceof JsonNode n) || !n.isArray()) return null;
        List<JsonNode> items = new java.util.ArrayList<>();
        n.forEach(items::add);
        items.sort((x, y) -> KqlValues.compare(KqlValues.scalar(x), KqlValues.scalar(y)));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        items.forEach(out::add);
        return out;
    }

    /** array_slice(array, start, end): the elements from start to end, both included (negative counts from the end). */
    private static Object slice(List<Object> a) {
        if (a.size() != 3) throw new KqlException("array_slice() takes 3 arguments");
        if (!(a.get(0) instanceof JsonNode n) || !n.isArray()) return null;
        Long start = toLong(a.get(1));
        Long end = toLong(a.get(2));
        if (start == null || end == null) return null;
        long from = start < 0 ? n.size() + start : start;
        long to = end < 0 ? n.size() + end : end;
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (long i = Math.max(0, from); i <= Math.min(to, n.size() - 1L); i++) out.add(n.get((int) i));
        return out;
    }

    private static Object math(Object v, java.util.function.DoubleUnaryOperator f) {
        v = KqlValues.scalar(v);
        if (v == null) return null;
        if (!(v instanceof Number x)) throw new KqlException("a number function of " + KqlValues.typeName(v));
        return f.applyAsDouble(x.doubleValue());
    }

    private static Object arg(List<Object> a, int i, int expected, String name) {
        if (a.size() != expected) throw new KqlException(name + "() takes " + expected + " argument(s), got " + a.size());
        return a.get(i);
    }

    private static String string(Object v, String fn) {
        if (v instanceof String s) return s;
        if (v instanceof JsonNode) return KqlValues.text(v);
        if (v == null) return "";
        throw new KqlException(fn + "() needs a string, got " + KqlValues.typeName(v));
    }

    private static boolean isEmpty(Object v) {
        return v == null || "".equals(v) || (v instanceof JsonNode n && n.isTextual() && n.asText().isEmpty());
    }

    private static Long toLong(Object v) {
        if (v == null) return null;
        if (v instanceof Long l) return l;
        if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? null : (long) (double) d;
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Double toDouble(Object v) {
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Boolean b) return b ? 1.0 : 0.0;
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip()).doubleValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean toBool(Object v) {
        if (v == null) return null;
        if (v instanceof Boolean b) return b;
        if (v instanceof Long l) return l != 0;
        if (v instanceof String s) {
            if (s.strip().equalsIgnoreCase("true")) return true;
            if (s.strip().equalsIgnoreCase("false")) return false;
        }
        return null;
    }

    private static Instant toDatetime(Object v) {
        if (v == null || v instanceof Instant) return (Instant) v;
        if (v instanceof String s) {
            try {
                return KqlValues.parseDatetime(s);
            } catch (KqlException e) {
                return null;
            }
        }
        return null;
    }

    private static String substring(List<Object> a) {
        if (a.size() != 2 && a.size() != 3) throw new KqlException("substring() takes 2 or 3 arguments");
        String s = string(a.get(0), "substring");
        Long start = toLong(a.get(1));
        if (start == null) return "";
        if (start < 0) throw new KqlException("substring() with a negative start is not in the oracle's subset");
        if (start >= s.length()) return "";
        long end = s.length();
        if (a.size() == 3) {
            Long len = toLong(a.get(2));
            if (len == null) return "";
            end = Math.min(end, start + Math.max(0, len));
        }
        return s.substring((int) (long) start, (int) end);
    }

    private static String replaceRegex(String source, String regex, String rewrite) {
        StringBuilder replacement = new StringBuilder();
        for (int i = 0; i < rewrite.length(); i++) {
            char c = rewrite.charAt(i);
            if (c == '\\' && i + 1 < rewrite.length() && Character.isDigit(rewrite.charAt(i + 1))) {
                replacement.append('$').append(rewrite.charAt(++i));
            } else if (c == '$' || c == '\\') {
                replacement.append('\\').append(c);
            } else {
                replacement.append(c);
            }
        }
        return KqlStringOperators.regex(regex).matcher(source).replaceAll(replacement.toString());
    }

    private static String extract(List<Object> a) {
        if (a.size() != 3) throw new KqlException("extract() takes 3 arguments here (no type literal)");
        String regex = string(a.get(0), "extract");
        Long group = toLong(a.get(1));
        String source = string(a.get(2), "extract");
        Matcher m = KqlStringOperators.regex(regex).matcher(source);
        if (group == null || !m.find() || group > m.groupCount()) return "";
        String g = m.group((int) (long) group);
        return g == null ? "" : g;
    }

    private static JsonNode split(List<Object> a) {
        if (a.size() != 2 && a.size() != 3) throw new KqlException("split() takes 2 or 3 arguments");
        String s = string(a.get(0), "split");
        String delim = string(a.get(1), "split");
        ArrayNode parts = JsonNodeFactory.instance.arrayNode();
        if (delim.isEmpty()) throw new KqlException("split() with an empty delimiter");
        int from = 0;
        while (true) {
            int at = s.indexOf(delim, from);
            if (at < 0) {
                parts.add(s.substring(from));
                break;
            }
            parts.add(s.substring(from, at));
            from = at + delim.length();
        }
        if (a.size() == 2) return parts;
        Long index = toLong(a.get(2));
        ArrayNode one = JsonNodeFactory.instance.arrayNode();
        if (index != null && index >= 0 && index < parts.size()) one.add(parts.get((int) (long) index));
        return one;
    }

    private static Object parseJson(Object v) {
        if (v == null || v instanceof JsonNode) return v;
        if (!(v instanceof String s)) return JSON.valueToTree(v);
        if (s.isEmpty()) return null;
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            return JsonNodeFactory.instance.textNode(s);
        }
    }

    private static Object bin(Object value, Object size) {
        value = KqlValues.scalar(value);
        if (value == null || size == null) return null;
        if (value instanceof Long v && size instanceof Long s) return Math.floorDiv(v, s) * s;
        if (value instanceof Number v && size instanceof Number s) {
            return Math.floor(v.doubleValue() / s.doubleValue()) * s.doubleValue();
        }
        if (value instanceof Instant t && size instanceof Duration d) {
            long nanos = d.toNanos();
            long epochNanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
            return Instant.ofEpochSecond(0, Math.floorDiv(epochNanos, nanos) * nanos);
        }
        throw new KqlException("bin() of " + KqlValues.typeName(value) + " by " + KqlValues.typeName(size));
    }
}
