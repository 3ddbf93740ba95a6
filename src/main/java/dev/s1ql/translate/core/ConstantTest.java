// Decides a test against a value known at translation time (the EventType, ObjectType or EndpointOS that a set of
// events stands for, or "missing" for a field its kind does not carry), with the evaluator's semantics: the same
// case rule, numbers by the one number rule, negated operators false on a missing field.
package dev.s1ql.translate.core;

import dev.s1ql.ast.Comparison;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.NumberText;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public final class ConstantTest {

    private ConstantTest() {
    }

    /** The test's value on an event whose field holds {@code actual}; null means the event lacks the field. */
    public static boolean holds(Test t, String actual) {
        MatchKind kind = t.kind();
        if (kind == MatchKind.EXISTS) return actual != null;
        if (kind == MatchKind.EMPTY) {
            boolean empty = actual == null || actual.isEmpty();
            return t.negated() != empty;
        }
        if (actual == null) return false;
        boolean hit = false;
        switch (kind) {
            case BOOL -> hit = actual.equalsIgnoreCase(t.operand().text());
            case COMPARE -> hit = ordered(actual, t.operand(), t.comparison());
            case RANGE -> hit = ordered(actual, t.operands().get(0), Comparison.GE)
                    && ordered(actual, t.operands().get(1), Comparison.LE);
            default -> {
                for (Operand o : t.operands()) hit |= text(t, actual, o);
            }
        }
        return t.negated() != hit;
    }

    private static boolean text(Test t, String actual, Operand o) {
        String a = t.ignoreCase() ? fold(actual) : actual;
        String v = t.ignoreCase() ? fold(o.text()) : o.text();
        return switch (t.kind()) {
            case EQUALS, IN -> a.equals(v) || numericEquals(actual, o);
            case CONTAINS, IN_CONTAINS -> a.contains(v);
            case STARTS_WITH -> a.startsWith(v);
            case ENDS_WITH -> a.endsWith(v);
            case REGEX -> find(o.text(), actual, t.ignoreCase());
            default -> false;
        };
    }

    private static boolean numericEquals(String actual, Operand o) {
        if (o.number() == null) return false;
        BigDecimal a = NumberText.parse(actual);
        return a != null && a.compareTo(o.number()) == 0;
    }

    private static boolean ordered(String actual, Operand o, Comparison cmp) {
        if (o.number() != null) {
            BigDecimal a = NumberText.parse(actual);
            return a != null && cmp.holds(a.compareTo(o.number()));
        }
        return cmp.holds(actual.compareTo(o.text()));
    }

    /** As the evaluator folds (String.equalsIgnoreCase per char). */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) b.append(Character.toLowerCase(Character.toUpperCase(s.charAt(i))));
        return b.toString();
    }

    private static boolean find(String regex, String text, boolean ignoreCase) {
        Pattern p = (ignoreCase ? PATTERNS_CI : PATTERNS).computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            } catch (PatternSyntaxException e) {
                return NEVER;
            }
        });
        return p != NEVER && p.matcher(text).find();
    }

    /**
     * Compiled patterns: a regex test is folded once per event class, so the same pattern is asked for many
     * times per query. Bounded: cleared when it grows past 4,096 patterns (a rule pack of distinct regexes).
     */
    private static final java.util.Map<String, Pattern> PATTERNS = new BoundedCache();
    private static final java.util.Map<String, Pattern> PATTERNS_CI = new BoundedCache();
    /** Stands for a pattern that does not compile (the validator reported it; it matches nothing here). */
    private static final Pattern NEVER = Pattern.compile("(?!)");

    private static final class BoundedCache extends java.util.concurrent.ConcurrentHashMap<String, Pattern> {
        @Override
        public Pattern computeIfAbsent(String key, java.util.function.Function<? super String, ? extends Pattern> f) {
            if (size() > 4096) clear();
            return super.computeIfAbsent(key, f);
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
