// KQL's string predicates, from "String operators" (learn.microsoft.com/kusto/query/datatypes-string-operators) and
// the operator pages it links (contains-operator, startswith-operator, endswith-operator, has-operator,
// in-operator, matches-regex-operator): ==, != and the _cs forms are case-sensitive; =~, !~, contains, startswith,
// endswith, has, in~ ignore case. "has" looks for whole terms, a term being a maximal run of alphanumeric
// characters. `matches regex` is true when the string contains a match of the RE2 pattern (regex syntax page:
// learn.microsoft.com/kusto/query/re2).
// Case folding: simple per-character upper-casing (Character.toUpperCase), the ordinal ignore-case comparison of
// .NET that Kusto runs on; where a language's special casing (German ß) differs this is approximate.
package dev.s1ql.oracle.kql;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.concurrent.ConcurrentHashMap;

final class KqlStringOperators {

    private static final ConcurrentHashMap<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private KqlStringOperators() {
    }

    /** Whether {@code op} (without a leading '!') applies to the two strings. */
    static boolean test(String op, String left, String right) {
        return switch (op) {
            case "==" -> left.equals(right);
            case "=~" -> fold(left).equals(fold(right));
            case "contains" -> fold(left).contains(fold(right));
            case "contains_cs" -> left.contains(right);
            case "startswith" -> fold(left).startsWith(fold(right));
            case "startswith_cs" -> left.startsWith(right);
            case "endswith" -> fold(left).endsWith(fold(right));
            case "endswith_cs" -> left.endsWith(right);
            case "has" -> hasTerm(fold(left), fold(right), true, true);
            case "has_cs" -> hasTerm(left, right, true, true);
            case "hasprefix" -> hasTerm(fold(left), fold(right), true, false);
            case "hasprefix_cs" -> hasTerm(left, right, true, false);
            case "hassuffix" -> hasTerm(fold(left), fold(right), false, true);
            case "hassuffix_cs" -> hasTerm(left, right, false, true);
            case "matches regex" -> regex(right).matcher(left).find();
            default -> throw new KqlException("not a string operator: " + op);
        };
    }

    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) b.append(Character.toUpperCase(s.charAt(i)));
        return b.toString();
    }

    /**
     * Whether {@code needle} occurs in {@code text} where a term starts (when {@code atStart}) and ends (when
     * {@code atEnd}): the characters next to it, where the needle's own edge is alphanumeric, are not. An empty
     * needle matches nothing but the empty string is no term at all, so it never matches.
     */
    static boolean hasTerm(String text, String needle, boolean atStart, boolean atEnd) {
        if (needle.isEmpty()) return false;
        for (int from = text.indexOf(needle); from >= 0; from = text.indexOf(needle, from + 1)) {
            int end = from + needle.length();
            boolean startOk = !atStart || from == 0 || !alnum(needle.charAt(0)) || !alnum(text.charAt(from - 1));
            boolean endOk = !atEnd || end == text.length() || !alnum(needle.charAt(needle.length() - 1))
                    || !alnum(text.charAt(end));
            if (startOk && endOk) return true;
        }
        return false;
    }

    private static boolean alnum(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** An RE2 pattern; one RE2 rejects (look-around, backreferences...) is a KqlException, as in Kusto. */
    static Pattern regex(String pattern) {
        Pattern p = PATTERNS.get(pattern);
        if (p != null) return p;
        try {
            p = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new KqlException("invalid RE2 regex '" + pattern + "': " + e.getMessage());
        }
        PATTERNS.put(pattern, p);
        return p;
    }
}
