// Regular expressions for SPL's match() (PCRE): escaping literal text into a pattern. SentinelOne's own patterns
// are carried over by the translation core's RegexTranslation.
package dev.s1ql.render.spl;


public final class SplRegex {

    private static final String META = "\\^$.|?*+()[]{}";

    private SplRegex() {
    }

    /** A PCRE pattern matching {@code text} literally (every metacharacter escaped, control characters as hex). */
    public static String literal(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 0x80 && META.indexOf(cp) >= 0) {
                b.append('\\').append((char) cp);
            } else if (Character.isISOControl(cp)) {
                b.append(String.format("\\x{%x}", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

}
