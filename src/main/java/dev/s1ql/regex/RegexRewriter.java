// Reads a java.util.regex pattern once, left to right, and writes it for another engine: each construct the
// engine spells differently is rewritten exactly (the u-escape of a code point, \e, \cX, \h, \v, \R, \s, Java's
// POSIX \p{Lower}, nested class unions, (?<name>), Java's '.' and final '$'), each it cannot run is reported as
// unsupported (look-around and back-references on RE2, class intersections, Java-only properties), and each it
// runs with another meaning on some text is reported as a difference. Flags are tracked per group, as Java
// scopes them.
package dev.s1ql.regex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

final class RegexRewriter {

    /** Java's line terminators when (?d) is off: '.' stops at them, '$' may stand before a final one. */
    private static final String NOT_TERMINATOR = "[^\\n\\r\\x85\\x{2028}\\x{2029}]";
    private static final String FINAL_TERMINATOR = "(?:\\r\\n|[\\n\\r\\x85\\x{2028}\\x{2029}])?\\z";
    private static final String H_SPACE = "\\t \\x{A0}\\x{1680}\\x{180E}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}";
    private static final String V_SPACE = "\\n\\x0B\\f\\r\\x85\\x{2028}\\x{2029}";
    /** Java's \\s is RE2's \\s plus the vertical tab (RE2 spells it \\v). */
    private static final String S_SPACE = "\\s\\v";
    private static final String S_SPACE_NEGATED = "[^\\s\\v]";

    /** Java's POSIX character classes (US-ASCII unless (?U)) as class members. */
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("Lower", "a-z"), Map.entry("Upper", "A-Z"), Map.entry("ASCII", "\\x00-\\x7F"),
            Map.entry("Alpha", "a-zA-Z"), Map.entry("Digit", "0-9"), Map.entry("Alnum", "a-zA-Z0-9"),
            Map.entry("Punct", "!-/:-@\\[-`{-~"), Map.entry("Graph", "!-~"), Map.entry("Print", " -~"),
            Map.entry("Blank", " \\t"), Map.entry("Cntrl", "\\x00-\\x1F\\x7F"), Map.entry("XDigit", "0-9a-fA-F"),
            Map.entry("Space", " \\t\\n\\x0B\\f\\r"));

    /** Unicode scripts Java names \p{IsX} and RE2 and PCRE name \p{X} (the common ones). */
    private static final java.util.Set<String> SCRIPTS = java.util.Set.of("Latin", "Greek", "Cyrillic", "Armenian",
            "Hebrew", "Arabic", "Syriac", "Thaana", "Devanagari", "Bengali", "Thai", "Georgian", "Hangul", "Hiragana",
            "Katakana", "Han", "Ethiopic", "Cherokee", "Mongolian", "Tibetan", "Khmer", "Lao", "Common", "Inherited");

    private static final class Flags {
        boolean dotall;
        boolean unixLines;
        boolean comments;
        boolean multiline;
        boolean caseInsensitive;
        boolean unicodeClass;

        Flags copy() {
            Flags f = new Flags();
            f.dotall = dotall;
            f.unixLines = unixLines;
            f.comments = comments;
            f.multiline = multiline;
            f.caseInsensitive = caseInsensitive;
            f.unicodeClass = unicodeClass;
            return f;
        }
    }

    private final String p;
    private final boolean ignoreCase;
    private final RegexEngine engine;
    /** Whether the output is rewritten (RE2, PCRE) or the pattern passes unchanged (Java-based engines). */
    private final boolean rewriting;
    private final StringBuilder out = new StringBuilder();
    private final Set<String> unsupported = new LinkedHashSet<>();
    private final Set<String> differences = new LinkedHashSet<>();
    private final Set<String> rewrites = new LinkedHashSet<>();
    private final Set<String> limits = new LinkedHashSet<>();
    private final Deque<Flags> saved = new ArrayDeque<>();
    private Flags flags = new Flags();
    private int i;
    private int depth;
    private boolean nonAsciiLetter;
    private boolean inlineCaseFlag;

    RegexRewriter(String pattern, boolean ignoreCase, RegexEngine engine) {
        this.p = pattern;
        this.ignoreCase = ignoreCase;
        this.engine = engine;
        this.rewriting = engine == RegexEngine.RE2 || engine == RegexEngine.PCRE;
    }

    RegexTranslation run() {
        while (i < p.length()) atom();
        if (engine == RegexEngine.S1_2_0 && p.getBytes(StandardCharsets.UTF_8).length > 1000) {
            limits.add("more than 1,000 bytes (SentinelOne's documented limit for 2.0 regexes)");
        }
        if (rewriting && inlineCaseFlag && nonAsciiLetter) {
            differences.add("an inline (?i) with non-ASCII letters: Java folds case for ASCII letters only there, "
                    + engine.label() + " for every letter");
        }
        String body = rewriting ? out.toString() : p;
        String prefix = !ignoreCase ? "" : engine == RegexEngine.JAVA ? "(?iu)" : engine == RegexEngine.S1_2_0 ? "" : "(?i)";
        if (prefix.equals("(?i)") && body.startsWith("(?i)")) prefix = "";   // the pattern says so already
        return new RegexTranslation(prefix + body, List.copyOf(unsupported), List.copyOf(differences),
                List.copyOf(rewrites), List.copyOf(limits));
    }

    private char at(int k) {
        return k < p.length() ? p.charAt(k) : '\0';
    }

    private void emit(String s) {
        out.append(s);
    }

    private void unsupportedOn(RegexEngine e, String what) {
        if (engine == e) unsupported.add(what);
    }

    private void atom() {
        char c = p.charAt(i);
        if (flags.comments && (Character.isWhitespace(c) || c == '#')) {
            skipComment();
            return;
        }
        switch (c) {
            case '\\' -> escape(false);
            case '[' -> charClass();
            case '(' -> openGroup();
            case ')' -> closeGroup();
            case '.' -> dot();
            case '$' -> dollar();
            case '^' -> caret();
            case '*', '+', '?' -> quantifier(i + 1);
            case '{' -> brace();
            default -> {
                if (c > 0x7f && Character.isLetter(c)) nonAsciiLetter = true;
                emit(String.valueOf(c));
                i++;
            }
        }
    }

    /** (?x): whitespace and #-comments are not part of the pattern; engines without the flag get them removed. */
    private void skipComment() {
        if (p.charAt(i) == '#') {
            while (i < p.length() && p.charAt(i) != '\n' && p.charAt(i) != '\r') i++;
        } else {
            i++;
        }
        if (rewriting) rewrites.add("(?x) whitespace and comments removed");
    }

    private void caret() {
        if (flags.multiline && rewriting && !flags.unixLines) {
            differences.add("^ or $ in multi-line mode: Java also breaks lines at \\r, \\u0085, \\u2028 and \\u2029");
        }
        emit("^");
        i++;
    }

    private void dot() {
        i++;
        if (!rewriting || flags.dotall || flags.unixLines) {
            emit(".");
            return;
        }
        emit(NOT_TERMINATOR);
        rewrites.add("'.' as " + NOT_TERMINATOR + " (Java's '.' stops at \\r and Unicode line breaks too)");
    }

    private void dollar() {
        i++;
        if (flags.multiline) {
            caretLikeDifference();
            emit("$");
            return;
        }
        endOfInputBeforeTerminator("$");
    }

    private void caretLikeDifference() {
        if (rewriting && !flags.unixLines) {
            differences.add("^ or $ in multi-line mode: Java also breaks lines at \\r, \\u0085, \\u2028 and \\u2029");
        }
    }

    /** Java's $ (not multi-line) and \Z: the end of the input, or just before a line terminator that ends it. */
    private void endOfInputBeforeTerminator(String written) {
        if (engine == RegexEngine.TRINO && written.equals("\\Z")) {
            emit(written);
            return;
        }
        if (!rewriting) {
            emit(written);
            return;
        }
        if (engine == RegexEngine.PCRE) {
            if (flags.unixLines && written.equals("$")) {
                emit("$");
            } else {
                emit("(?=" + (flags.unixLines ? "\\n?\\z" : FINAL_TERMINATOR) + ")");
                rewrites.add(written + " as a look-ahead for an optional final line break");
            }
            return;
        }
        if (endsAlternative()) {
            emit(flags.unixLines ? "\\n?\\z" : FINAL_TERMINATOR);
            rewrites.add(written + " as an optional final line break and \\z (RE2's $ is the very end only)");
        } else {
            emit("\\z");
            differences.add(written + " before more pattern: Java also matches it before a final line break, "
                    + engine.label() + " only at the very end");
        }
    }

    /** Whether only ')'s follow until the end of the pattern or a top-level '|'. */
    private boolean endsAlternative() {
        int k = i;
        int d = depth;
        while (k < p.length()) {
            char c = p.charAt(k);
            if (flags.comments && Character.isWhitespace(c)) {
                k++;
                continue;
            }
            if (c == ')') {
                d--;
                k++;
                continue;
            }
            return c == '|' && d == 0;
        }
        return true;
    }

    private void brace() {
        int close = p.indexOf('}', i);
        if (close > 0 && p.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
            quantifier(close + 1);
        } else {
            emit(rewriting ? "\\{" : "{");
            i++;
        }
    }

    /** A quantifier spanning [i, end): written as is, then its lazy '?' or possessive '+' looked at. */
    private void quantifier(int end) {
        String q = p.substring(i, end);
        if (q.startsWith("{") && engine == RegexEngine.RE2) {
            for (String n : q.substring(1, q.length() - 1).split(",")) {
                if (!n.isEmpty() && (n.length() > 4 || Integer.parseInt(n) > 1000)) {
                    unsupported.add("a repetition count over 1,000 (" + q + ")");
                }
            }
        }
        emit(q);
        i = end;
        // the quantifier's modifier: lazy '?' or possessive '+'
        char c = at(i);
        char prev = p.charAt(i - 1);
        if (c == '?') {
            if (engine == RegexEngine.S1_2_0) {
                limits.add("a lazy quantifier (" + prev + "?): SentinelOne documents 2.0 regexes without them");
            }
            emit("?");
            i++;
        } else if (c == '+') {
            unsupportedOn(RegexEngine.RE2, "a possessive quantifier (" + prev + "+)");
            emit("+");
            i++;
        }
    }

    private void openGroup() {
        saved.push(flags.copy());
        depth++;
        if (at(i + 1) != '?') {
            emit("(");
            i++;
            return;
        }
        String rest = p.substring(i + 2);
        if (rest.startsWith(":")) {
            emit("(?:");
            i += 3;
        } else if (rest.startsWith("=") || rest.startsWith("!")) {
            lookaround("a look-ahead (?" + rest.charAt(0) + ")", 3);
        } else if (rest.startsWith("<=") || rest.startsWith("<!")) {
            lookaround("a look-behind (?" + rest.substring(0, 2) + ")", 4);
        } else if (rest.startsWith(">")) {
            unsupportedOn(RegexEngine.RE2, "an atomic group (?>...)");
            emit("(?>");
            i += 3;
        } else if (rest.startsWith("<")) {
            int close = p.indexOf('>', i);
            String name = p.substring(i + 3, close);
            if (engine == RegexEngine.S1_2_0) {
                limits.add("a named group (?<" + name + ">): SentinelOne documents 2.0 regexes without them");
            }
            if (engine == RegexEngine.RE2) {
                emit("(?P<" + name + ">");
                rewrites.add("(?<" + name + "> as (?P<" + name + ">");
            } else {
                emit("(?<" + name + ">");
            }
            i = close + 1;
        } else {
            inlineFlags();
        }
    }

    private void lookaround(String what, int length) {
        unsupportedOn(RegexEngine.RE2, what);
        if (engine == RegexEngine.S1_2_0) limits.add(what + ": SentinelOne documents 2.0 regexes without look-around");
        emit(p.substring(i, i + length));
        i += length;
    }

    /** {@code (?idmsuxU-idmsuxU)} or {@code (?flags:...)}. */
    private void inlineFlags() {
        int k = i + 2;
        boolean on = true;
        StringBuilder kept = new StringBuilder();
        while (k < p.length() && p.charAt(k) != ')' && p.charAt(k) != ':') {
            char f = p.charAt(k++);
            if (f == '-') {
                on = false;
                kept.append('-');
                continue;
            }
            switch (f) {
                case 'i' -> {
                    flags.caseInsensitive = on;
                    if (on) inlineCaseFlag = true;
                    kept.append(f);
                }
                case 'm' -> {
                    flags.multiline = on;
                    kept.append(f);
                }
                case 's' -> {
                    flags.dotall = on;
                    kept.append(f);
                }
                case 'd' -> {
                    flags.unixLines = on;
                    unsupportedOn(RegexEngine.TRINO, "the flag (?d), which Trino does not support");
                    if (!rewriting) kept.append(f);
                }
                case 'u' -> {
                    unsupportedOn(RegexEngine.TRINO, "the flag (?u), which Trino does not support");
                    if (!rewriting) kept.append(f);
                }
                case 'x' -> {
                    flags.comments = on;
                    if (!rewriting) kept.append(f);
                }
                case 'U' -> {
                    flags.unicodeClass = on;
                    if (rewriting) {
                        unsupported.add("the flag (?U) (Unicode character classes; " + engine.label()
                                + " reads U as 'ungreedy')");
                    } else {
                        kept.append(f);
                    }
                }
                default -> kept.append(f);
            }
        }
        boolean scoped = k < p.length() && p.charAt(k) == ':';
        String flagText = kept.toString().replaceAll("-$", "");
        if (!rewriting) {
            emit(p.substring(i, k + 1));
        } else if (scoped) {
            emit(flagText.isEmpty() ? "(?:" : "(?" + flagText + ":");
        } else if (!flagText.isEmpty()) {
            emit("(?" + flagText + ")");
        }
        i = k + 1;
        if (!scoped) {
            // (?i) is not a group: it changes the enclosing scope, so the flags saved at its '(' are dropped and the
            // enclosing group's saved flags stay as they were
            Flags now = flags;
            saved.pop();
            depth--;
            flags = now;
        }
    }

    private void closeGroup() {
        emit(")");
        i++;
        if (!saved.isEmpty()) flags = saved.pop();
        depth--;
    }

    /** An escape at {@code i} (the backslash). */
    private void escape(boolean inClass) {
        char c = at(i + 1);
        int start = i;
        i += 2;
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                if (inClass) {
                    emit(p.substring(start, i));
                    return;
                }
                while (Character.isDigit(at(i))) i++;
                unsupportedOn(RegexEngine.RE2, "a back-reference (" + p.substring(start, i) + ")");
                emit(p.substring(start, i));
            }
            case '0' -> {
                int k = i;
                while (k < p.length() && k - i < 3 && at(k) >= '0' && at(k) <= '7') k++;
                if (k - i == 3 && at(i) > '3') k--;
                int value = Integer.parseInt(p.substring(i, k), 8);
                i = k;
                codePoint(value, p.substring(start, i));
            }
            case 'u' -> {
                int cp = Integer.parseInt(p.substring(i, i + 4), 16);
                i += 4;
                if (Character.isHighSurrogate((char) cp) && at(i) == '\\' && at(i + 1) == 'u') {
                    int low = Integer.parseInt(p.substring(i + 2, i + 6), 16);
                    if (Character.isLowSurrogate((char) low)) {
                        cp = Character.toCodePoint((char) cp, (char) low);
                        i += 6;
                    }
                }
                codePoint(cp, p.substring(start, i));
            }
            case 'x' -> {
                if (at(i) == '{') {
                    int close = p.indexOf('}', i);
                    i = close + 1;
                } else {
                    i += 2;
                }
                emit(p.substring(start, i));
            }
            case 'N' -> {
                int close = p.indexOf('}', i);
                String name = p.substring(i + 1, close);
                i = close + 1;
                int cp;
                try {
                    cp = Character.codePointOf(name);
                } catch (IllegalArgumentException e) {
                    unsupported.add("an unknown character name \\N{" + name + "}");
                    return;
                }
                codePoint(cp, p.substring(start, i));
            }
            case 'e' -> {
                if (engine == RegexEngine.RE2) codePoint(0x1B, "\\e");
                else emit("\\e");
            }
            case 'c' -> {
                int value = at(i) ^ 64;
                i++;
                if (engine == RegexEngine.RE2) codePoint(value, p.substring(start, i));
                else emit(p.substring(start, i));
            }
            case 's', 'S' -> {
                if (engine == RegexEngine.RE2 && c == 'S' && !inClass) {
                    emit(S_SPACE_NEGATED);
                    rewrites.add("\\S as " + S_SPACE_NEGATED + " (Java's \\s also holds the vertical tab)");
                } else {
                    spaceClass(c, S_SPACE, "\\s", inClass, engine == RegexEngine.RE2);
                }
            }
            case 'h', 'H' -> spaceClass(c, H_SPACE, "\\h", inClass, engine == RegexEngine.RE2);
            case 'v', 'V' -> spaceClass(c, V_SPACE, "\\v", inClass, engine == RegexEngine.RE2);
            case 'R' -> {
                if (engine == RegexEngine.RE2) {
                    emit("(?:\\r\\n|[" + V_SPACE + "])");
                    rewrites.add("\\R as (?:\\r\\n|[...line breaks])");
                } else {
                    emit("\\R");
                }
            }
            case 'X' -> {
                unsupportedOn(RegexEngine.RE2, "\\X (a grapheme cluster)");
                emit("\\X");
            }
            case 'G' -> {
                unsupportedOn(RegexEngine.RE2, "\\G (the end of the previous match)");
                emit("\\G");
            }
            case 'Z' -> endOfInputBeforeTerminator("\\Z");
            case 'b', 'B' -> {
                if (rewriting && !inClass) {
                    differences.add("\\b or \\B: Java counts non-ASCII letters and digits as word characters, "
                            + engine.label() + " only ASCII ones");
                }
                emit(p.substring(start, i));
            }
            case 'k' -> {
                int close = p.indexOf('>', i);
                i = close + 1;
                unsupportedOn(RegexEngine.RE2, "a named back-reference (" + p.substring(start, i) + ")");
                emit(p.substring(start, i));
            }
            case 'p', 'P' -> property(c == 'P', inClass, start);
            case 'Q' -> {
                int end = p.indexOf("\\E", i);
                String quoted = end < 0 ? p.substring(i) : p.substring(i, end);
                i = end < 0 ? p.length() : end + 2;
                if (!rewriting) {
                    emit(p.substring(start, i));
                } else {
                    for (int k = 0; k < quoted.length(); ) {
                        int cp = quoted.codePointAt(k);
                        literal(cp, inClass);
                        k += Character.charCount(cp);
                    }
                    rewrites.add("\\Q...\\E as escaped characters");
                }
            }
            case 'E' -> {
                // a \E without \Q is nothing in Java
            }
            default -> emit(p.substring(start, i));
        }
    }

    /** One character by code point: written as \x{..} where the engine lacks Java's spelling. */
    private void codePoint(int cp, String written) {
        if (!rewriting) {
            emit(written);
            return;
        }
        emit(String.format(Locale.ROOT, "\\x{%X}", cp));
        if (!written.startsWith("\\x")) rewrites.add(written + " as \\x{" + Integer.toHexString(cp).toUpperCase(Locale.ROOT) + "}");
    }

    /** A character as a literal: escaped when it is a metacharacter. */
    private void literal(int cp, boolean inClass) {
        if (cp < 0x80 && "\\^$.|?*+()[]{}-:".indexOf(cp) >= 0) emit("\\" + (char) cp);
        else if (Character.isISOControl(cp)) emit(String.format(Locale.ROOT, "\\x{%X}", cp));
        else out.appendCodePoint(cp);
    }

    /** \s, \h, \v and their negations as explicit classes where the engine reads them otherwise. */
    private void spaceClass(char c, String members, String name, boolean inClass, boolean rewrite) {
        boolean negated = Character.isUpperCase(c);
        if (!rewrite || !rewriting) {
            emit("\\" + c);
            return;
        }
        if (inClass) {
            if (negated) {
                unsupported.add("\\" + c + " inside a character class");
                return;
            }
            emit(members);
        } else {
            emit((negated ? "[^" : "[") + members + "]");
        }
        rewrites.add(name + " as an explicit class (its members differ in " + engine.label() + ")");
    }

    private void property(boolean negated, boolean inClass, int start) {
        String name;
        if (at(i) == '{') {
            int close = p.indexOf('}', i);
            name = p.substring(i + 1, close);
            i = close + 1;
        } else {
            name = String.valueOf(at(i));
            i++;
        }
        String written = p.substring(start, i);
        if (!rewriting) {
            emit(written);
            return;
        }
        String posix = POSIX.get(name);
        if (posix != null && !flags.unicodeClass) {
            if (inClass) {
                if (negated) unsupported.add(written + " inside a character class");
                else emit(posix);
            } else {
                emit((negated ? "[^" : "[") + posix + "]");
            }
            rewrites.add(written + " (Java's ASCII class) as [" + (negated ? "^" : "") + posix + "]");
            return;
        }
        String bare = name.startsWith("Is") ? name.substring(2) : name;
        if ((bare.matches("[A-Z][a-z]?") || name.startsWith("Is") && SCRIPTS.contains(bare)) && !name.startsWith("In")) {
            emit("\\" + (negated ? "P" : "p") + "{" + bare + "}");
            return;
        }
        unsupported.add("the Java property class " + written);
    }

    /** A character class [...], with Java's nested unions flattened and intersections refused. */
    private void charClass() {
        classBody(true);
    }

    /**
     * Writes the class at {@code i} ('[') to {@code out}; for a nested class ({@code outer} false) only its
     * members, without brackets, which flattens Java's class union.
     */
    private void classBody(boolean outer) {
        i++;
        boolean negated = at(i) == '^';
        if (negated) i++;
        if (!outer && negated && rewriting) unsupported.add("a negated class nested in a character class");
        if (outer) emit(negated ? "[^" : "[");
        boolean first = true;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                i++;
                if (outer) emit("]");
                return;
            }
            first = false;
            if (flags.comments && Character.isWhitespace(c)) {
                i++;
                if (rewriting) rewrites.add("(?x) whitespace removed");
                continue;
            }
            if (c == '\\') {
                escape(true);
            } else if (c == '[') {
                if (rewriting) rewrites.add("a nested class union flattened");
                classBody(false);
            } else if (c == '&' && at(i + 1) == '&') {
                if (rewriting) unsupported.add("'&&' (a character-class intersection)");
                emit("&&");
                i += 2;
            } else {
                if (c > 0x7f && Character.isLetter(c)) nonAsciiLetter = true;
                if (rewriting && (c == '[' || c == ':' || (c == ']'))) emit("\\" + c);
                else emit(String.valueOf(c));
                i++;
            }
        }
    }
}
