// The one place that writes text into SPL: string literals (shared by the search command and eval
// expressions) and field names. Nothing else in the SPL renderer quotes or escapes.
package dev.s1ql.render.spl;

import java.util.regex.Pattern;

public final class SplLiteral {

    private static final Pattern BARE_FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SplLiteral() {
    }

    /**
     * Whether {@link #quote} can carry {@code s} exactly: everything but control characters, which a quoted SPL
     * string has no escape for. Callers send such values to {@code match()} with a regex escape instead.
     */
    public static boolean isQuotable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) return false;
        }
        return true;
    }

    /**
     * A double-quoted SPL string whose value is {@code s}: backslash becomes {@code \\} and a quote {@code \"}
     * (the escapes that both the search command and eval read back). In a search term a {@code *} inside is still a
     * wildcard — callers decide whether that is wanted.
     *
     * @throws IllegalArgumentException when {@code s} holds a control character ({@link #isQuotable})
     */
    public static String quote(String s) {
        if (!isQuotable(s)) throw new IllegalArgumentException("control character in SPL string literal");
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') b.append('\\');
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** A field name in a search term: bare when it is a plain identifier or dotted path, else quoted. */
    public static String searchField(String name) {
        return BARE_FIELD.matcher(name.replace(".", "_")).matches() ? name : quote(name);
    }

    /** A field name in an eval expression: bare when it is a plain identifier, else in single quotes. */
    public static String evalField(String name) {
        if (BARE_FIELD.matcher(name).matches()) return name;
        if (name.indexOf('\'') >= 0 || !isQuotable(name)) {
            throw new IllegalArgumentException("field name cannot be written in eval: " + name);
        }
        return "'" + name + "'";
    }

    /** A value in a base or event term ({@code EventCode=1}, {@code tag=process}): bare when safe, else quoted. */
    public static String termValue(String v) {
        return v.matches("[A-Za-z0-9_.:-]+") ? v : quote(v);
    }
}
