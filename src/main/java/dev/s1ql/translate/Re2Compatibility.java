// Kusto (`matches regex`) and DuckDB (`regexp_matches`) run RE2, which has no look-around, backreferences, atomic
// groups or possessive quantifiers (Java, which S1 uses, has them). A pattern using one cannot be carried over
// unchanged, and rewriting it would change what it matches, so translators report it instead.
package dev.s1ql.translate;

public final class Re2Compatibility {

    private Re2Compatibility() {
    }

    /** What in {@code pattern} RE2 cannot run, or null when nothing. */
    public static String problem(String pattern) {
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char n = pattern.charAt(++i);
                if (!inClass && n >= '1' && n <= '9') return "a backreference (\\" + n + ")";
                if (n == 'k' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '<') {
                    return "a named backreference (\\k<...>)";
                }
                if (!inClass && (n == 'Z' || n == 'G')) return "the Java-only anchor \\" + n;
                continue;
            }
            if (inClass) {
                if (c == ']') inClass = false;
                continue;
            }
            if (c == '[') {
                inClass = true;
                // A ']' right after '[' or '[^' is a literal member, not the end of the class.
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') i++;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') i++;
                continue;
            }
            if (c == '(' && pattern.startsWith("?", i + 1)) {
                String rest = pattern.substring(i + 1);
                if (rest.startsWith("?=") || rest.startsWith("?!")) return "a look-ahead (" + rest.substring(0, 2) + ")";
                if (rest.startsWith("?<=") || rest.startsWith("?<!")) {
                    return "a look-behind (" + rest.substring(0, 3) + ")";
                }
                if (rest.startsWith("?>")) return "an atomic group (?>...)";
            }
            if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < pattern.length()
                    && pattern.charAt(i + 1) == '+' && !(c == '?' && i > 0 && pattern.charAt(i - 1) == '(')) {
                return "a possessive quantifier (" + c + "+)";
            }
        }
        return null;
    }
}
