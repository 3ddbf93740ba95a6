// Regular expressions for SPL's match() (PCRE): escaping literal text into a pattern, and finding the
// constructs of SentinelOne's Java-style regexes that PCRE reads differently or not at all.
package dev.s1ql.render.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class SplRegex {

    private static final String META = "\\^$.|?*+()[]{}";

    /** Java-only constructs: a PCRE engine rejects them or gives them another meaning. */
    private static final List<Construct> JAVA_ONLY = List.of(
            new Construct(Pattern.compile("\\\\p\\{(java|Is|In)"), "the Java-only property class \\p{java...}/\\p{Is...}/\\p{In...}"),
            new Construct(Pattern.compile("\\\\[pP]\\{(Lower|Upper|ASCII|Alpha|Digit|Alnum|Punct|Graph|Print|Blank|Cntrl|XDigit|Space)\\}"),
                    "a Java POSIX class \\p{...} (PCRE spells them [[:lower:]] etc.)"),
            new Construct(Pattern.compile("\\(\\?[a-zA-Z]*[Udu][a-zA-Z]*[:)]"),
                    "an inline flag U, d or u (Java: Unicode classes, Unix lines, Unicode case; PCRE: ungreedy or invalid)"));

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

    /** Why a SentinelOne (Java-style) regex cannot be handed to PCRE unchanged; empty when it can. */
    public static List<String> javaOnlyConstructs(String pattern) {
        List<String> found = new ArrayList<>();
        String masked = maskQuoted(pattern);
        for (Construct c : JAVA_ONLY) {
            Matcher m = c.pattern().matcher(masked);
            if (m.find()) found.add(c.description());
        }
        if (hasClassIntersection(masked)) found.add("'&&' in a character class (Java intersection; literal in PCRE)");
        return found;
    }

    /**
     * Constructs both engines accept but read differently on some text: word boundaries (Java counts Unicode
     * letters as word characters for {@code \b}, PCRE only ASCII ones) and case-insensitive matching of non-ASCII
     * letters (Java folds ASCII only unless asked, Splunk's PCRE folds Unicode).
     */
    public static List<String> subtleDifferences(String pattern) {
        List<String> found = new ArrayList<>();
        String masked = maskQuoted(pattern);
        for (int i = 0; i < masked.length() - 1; i++) {
            if (masked.charAt(i) != '\\') continue;
            char next = masked.charAt(++i);
            if (next == 'b' || next == 'B') {
                found.add("\\b/\\B (Java treats non-ASCII letters as word characters, PCRE does not)");
                break;
            }
        }
        if (masked.matches("(?s).*\\(\\?[a-zA-Z]*i.*") && !masked.chars().allMatch(c -> c < 0x80)) {
            found.add("case-insensitive matching of non-ASCII letters (Java folds ASCII only by default)");
        }
        return found;
    }

    private static boolean hasClassIntersection(String p) {
        int depth = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && depth > 0) {
                depth--;
            } else if (c == '&' && depth > 0 && i + 1 < p.length() && p.charAt(i + 1) == '&') {
                return true;
            }
        }
        return false;
    }

    /** Blanks out \Q...\E quoted sections so that their text is not mistaken for syntax. */
    private static String maskQuoted(String p) {
        return p.replaceAll("\\\\Q.*?(\\\\E|$)", "");
    }

    private record Construct(Pattern pattern, String description) {
    }
}
