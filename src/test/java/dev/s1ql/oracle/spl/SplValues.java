// Values as the SPL oracle holds them: a field is absent (null), a string, a number (BigDecimal, from eval), a
// boolean (from a comparison) or a multivalue field (a List). Rules from Splunk's Search Reference: field values
// that look like numbers compare as numbers in where/eval ("Comparison and Conditional functions", "where
// command": numeric values compare numerically, strings lexicographically); wildcard matching of search terms is
// case-insensitive and `*` matches any run of characters ("Wildcards", "Use CASE() and TERM()": searches are
// case-insensitive by default).
package dev.s1ql.oracle.spl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

final class SplValues {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SplValues() {
    }

    /** The number a value is or reads as, or null. */
    static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) return d;
        if (v instanceof String s && NUMBER.matcher(s.strip()).matches()) return new BigDecimal(s.strip());
        return null;
    }

    /** A value's text: numbers without trailing zeros, booleans as true/false, a multivalue field's first value. */
    static String text(Object v) {
        if (v == null) return null;
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
        }
        if (v instanceof List<?> l) return l.isEmpty() ? null : text(l.get(0));
        return v.toString();
    }

    /** The single values of a field: each value of a multivalue field, or the value itself. */
    static List<?> values(Object v) {
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l;
        return List.of(v);
    }

    /** Whether {@code text} matches a search-term pattern with `*` wildcards, ignoring case unless told. */
    static boolean glob(String text, String pattern, boolean caseSensitive) {
        StringBuilder re = new StringBuilder(caseSensitive ? "(?s)" : "(?is)");
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) re.append(".*");
            re.append(Pattern.quote(parts[i]));
        }
        if (!caseSensitive) {
            return Pattern.compile(re.toString(), Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE).matcher(text).matches();
        }
        return Pattern.compile(re.toString()).matcher(text).matches();
    }

    /** Order of two values: numerically when both read as numbers, else by their text (code units). */
    static int compare(Object a, Object b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) return x.compareTo(y);
        return text(a).compareTo(text(b));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
