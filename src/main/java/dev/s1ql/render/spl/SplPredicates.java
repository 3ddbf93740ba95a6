// Turns one S1QL 1.0 predicate, already mapped to a target field, into an SplCond with the exact SentinelOne
// meaning: case-insensitive operators become search terms (which ignore case), case-sensitive ones and values
// holding '*' become eval tests (match(), ==); negated operators stay false on a missing field (f!=v, or
// isnotnull() in eval) while a prefix NOT stays true on it. A field mapped to the last segment of a target path
// (a process name from Sysmon's Image) is tested in eval on replace(path, "(?s)^.*[\\\\/]", ""); where a search
// term can say the same exactly it is one, else a glob on the path pre-filters the search.
package dev.s1ql.render.spl;

import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.NumberValue;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.FieldType;
import dev.s1ql.diag.Code;
import dev.s1ql.render.spl.SplCond.All;
import dev.s1ql.render.spl.SplCond.Any;
import dev.s1ql.render.spl.SplCond.Atom;
import dev.s1ql.render.spl.SplCond.Prefilter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

final class SplPredicates {

    private final Diagnostics diags;

    SplPredicates(Diagnostics diags) {
        this.diags = diags;
    }

    /** How a text value is anchored. */
    private enum Shape { EQUALS, CONTAINS, STARTS, ENDS }

    /** The regex whose removal leaves a path's last segment: everything up to the last backslash or slash. */
    static final String PATH_HEAD = "(?s)^.*[\\\\/]";

    /**
     * What a predicate tests: a target field's value, or (lastSegment) the text after the last {@code \} or
     * {@code /} of it, the whole value when it has neither.
     */
    private record Subject(String field, boolean lastSegment) {
        String sf() {
            return SplLiteral.searchField(field);
        }

        String ef() {
            return SplLiteral.evalField(field);
        }

        /** The tested text in eval. */
        String value() {
            return lastSegment ? "replace(" + ef() + ", " + SplLiteral.quote(PATH_HEAD) + ", \"\")" : ef();
        }

        /** The SentinelOne field is present: the target field is (a path always has a last segment). */
        String present() {
            return "isnotnull(" + ef() + ")";
        }
    }

    /**
     * @param target      the target field
     * @param lastSegment the SentinelOne value is the last path segment of the target's value
     */
    SplCond render(Predicate p, String target, boolean lastSegment, List<SplProfile.PrefixRewrite> prefixes) {
        MatchKind kind = p.operator().kind();
        boolean negated = p.operator().negated();
        FieldType type = p.field().isKnown() ? p.field().resolved().type() : FieldType.STRING;
        boolean ci = p.operator().caseInsensitive() || type == FieldType.ENUM;
        Subject s = new Subject(target, lastSegment);
        String sf = s.sf();
        String ef = s.ef();
        String ev = s.value();
        switch (kind) {
            case EXISTS:
                return new Atom(sf + "=*", "isnotnull(" + ef + ")", false, null, null);
            case EMPTY:
                diags.warn(Code.TRANSLATION_EMPTY_VS_MISSING, "Splunk does not keep empty field values apart from "
                        + "missing ones as SentinelOne does; '" + p.operator().spelling() + "' is rendered as "
                        + (negated ? "'field has a value'" : "'field has no value'"), p.span());
                String nonEmpty = "(isnotnull(" + ef + ") AND " + ev + "!=\"\")";
                String empty = "(isnull(" + ef + ") OR " + ev + "==\"\")";
                if (lastSegment) {
                    // a path ending in a separator has an empty last segment: no search term says that
                    return negated ? new All(List.of(new Prefilter(sf + "=*"), Atom.evalOnly(nonEmpty)))
                            : Atom.evalOnly(empty);
                }
                Atom has = new Atom(sf + "=*", nonEmpty, false, null, null);
                return negated ? has : new Atom("NOT " + sf + "=*", empty, true, null, null);
            case BOOL:
                String b = Boolean.toString(((dev.s1ql.ast.BoolValue) p.value()).value());
                String isB = "(isnotnull(" + ef + ") AND lower(" + ev + ")==\"" + b + "\")";
                return lastSegment ? Atom.evalOnly(isB) : new Atom(sf + "=" + b, isB, false, sf, b);
            case COMPARE:
                return compare(p, s, p.operator().comparison().symbol(), p.value());
            case RANGE:
                return new All(List.of(compare(p, s, ">=", p.values().get(0)),
                        compare(p, s, "<=", p.values().get(1))));
            case REGEX:
                return regex(p, s);
            default:
                break;
        }
        Shape shape = switch (kind) {
            case CONTAINS, IN_CONTAINS -> Shape.CONTAINS;
            case STARTS_WITH -> Shape.STARTS;
            case ENDS_WITH -> Shape.ENDS;
            default -> Shape.EQUALS;
        };
        List<SplCond> each = new ArrayList<>();
        // for a positive test on a last segment: path globs that every event the test keeps matches
        Set<String> globs = new LinkedHashSet<>();
        boolean everyValueHasGlob = true;
        for (Value v : p.values()) {
            String text = rewrite(p, v.text(), shape, prefixes);
            boolean numeric = type == FieldType.NUMBER && number(text) != null;
            // a value without letters that have case matches the same with and without case
            boolean caseless = text.toLowerCase(Locale.ROOT).equals(text.toUpperCase(Locale.ROOT));
            boolean textCi = ci || numeric || caseless;
            each.add(lastSegment ? segmentText(s, text, shape, textCi, negated)
                    : text(s, text, shape, textCi, negated));
            // a '*' in the value stays a wildcard in the glob, which still matches the '*' itself
            if (!text.isEmpty() && SplLiteral.isQuotable(text)) globs.add(SplLiteral.quote(pathGlob(text, shape)));
            else everyValueHasGlob = false;
        }
        // Not In / negated lists: present and none of the values; positive lists: any of them
        SplCond c = each.size() == 1 ? each.get(0) : negated ? new All(each) : new Any(each);
        if (!lastSegment || negated || !everyValueHasGlob || SplCond.searchable(c)) return c;
        String term = globs.size() == 1 ? sf + "=" + globs.iterator().next()
                : sf + " IN (" + String.join(",", globs) + ")";
        return new All(List.of(new Prefilter(term), c));
    }

    /** A value a search-term glob can hold exactly: quotable, no '*' (which has no escape there), not empty. */
    private static boolean exactInGlob(String v) {
        return !v.isEmpty() && SplLiteral.isQuotable(v) && !v.contains("*");
    }

    /** A glob that every path whose last segment passes the test matches (search terms ignore case). */
    private static String pathGlob(String v, Shape shape) {
        return shape == Shape.EQUALS || shape == Shape.ENDS ? "*" + v : "*" + v + "*";
    }

    /**
     * One value against the last segment of a path. A case-insensitive = or EndsWith with a one-segment value
     * has an exact search form on the path (the path is the name, or ends with a separator and the name; it ends
     * with the value); every other test is eval only, pre-filtered by the caller.
     */
    private SplCond segmentText(Subject s, String v, Shape shape, boolean ci, boolean negated) {
        String eval = "(" + s.present() + " AND " + test(s.value(), v, shape, ci, negated) + ")";
        boolean oneSegment = v.indexOf('\\') < 0 && v.indexOf('/') < 0;
        if (!ci || !exactInGlob(v) || !oneSegment || shape == Shape.CONTAINS || shape == Shape.STARTS) {
            return Atom.evalOnly(eval);
        }
        String sf = s.sf();
        List<String> globs = shape == Shape.ENDS ? List.of(SplLiteral.quote("*" + v))
                : List.of(SplLiteral.quote(v), SplLiteral.quote("*\\" + v), SplLiteral.quote("*/" + v));
        if (negated) {
            // present, and none of the globs: f!=g is false on a missing field, as SentinelOne's negation
            return new Atom(String.join(" ", globs.stream().map(g -> sf + "!=" + g).toList()), eval,
                    globs.size() > 1, null, null);
        }
        String values = String.join(",", globs);
        return new Atom(globs.size() == 1 ? sf + "=" + values : sf + " IN (" + values + ")", eval, false, sf, values);
    }

    private SplCond text(Subject s, String v, Shape shape, boolean ci, boolean negated) {
        String sf = s.sf();
        String glob = switch (shape) {
            case EQUALS -> v;
            case CONTAINS -> "*" + v + "*";
            case STARTS -> v + "*";
            case ENDS -> "*" + v;
        };
        String eval = "(" + s.present() + " AND " + test(s.value(), v, shape, ci, negated) + ")";
        if (!ci || !SplLiteral.isQuotable(v) || v.contains("*")) return Atom.evalOnly(eval);
        String q = SplLiteral.quote(glob);
        return negated ? Atom.of(sf + "!=" + q, eval) : new Atom(sf + "=" + q, eval, false, sf, q);
    }

    /** The eval test of one text value against {@code ev}, without the presence check. */
    private static String test(String ev, String v, Shape shape, boolean ci, boolean negated) {
        String lit = SplRegex.literal(v);
        String regex = (ci ? "(?i)" : "") + switch (shape) {
            case EQUALS -> "^" + lit + "\\z";
            case CONTAINS -> lit;
            case STARTS -> "^" + lit;
            case ENDS -> lit + "\\z";
        };
        return !ci && shape == Shape.EQUALS && SplLiteral.isQuotable(v)
                ? ev + (negated ? "!=" : "==") + SplLiteral.quote(v)
                : (negated ? "NOT " : "") + "match(" + ev + ", " + SplLiteral.quote(regex) + ")";
    }

    private SplCond compare(Predicate p, Subject s, String op, Value v) {
        String ef = s.ef();
        BigDecimal n = v instanceof NumberValue nv ? nv.number() : number(v.text());
        if (n != null) {
            String num = n.toPlainString();
            String eval = "(isnotnull(" + ef + ") AND tonumber(" + s.value() + ")" + op + num + ")";
            return s.lastSegment() ? Atom.evalOnly(eval) : Atom.of(s.sf() + op + num, eval);
        }
        diags.warn(Code.TRANSLATION_APPROXIMATE_VALUE, "'" + v.text() + "' is not a number: the comparison is "
                + "rendered as a text comparison in eval, which orders differently from SentinelOne for times and "
                + "mixed text", v.span());
        if (!SplLiteral.isQuotable(v.text())) {
            diags.error(Code.TRANSLATION_TYPE_MISMATCH, "a comparison value with control characters cannot be "
                    + "written in SPL", v.span());
            return Atom.evalOnly("false()");
        }
        return Atom.evalOnly("(isnotnull(" + ef + ") AND " + s.value() + op + SplLiteral.quote(v.text()) + ")");
    }

    private SplCond regex(Predicate p, Subject s) {
        String ef = s.ef();
        String pattern = p.value().text();
        for (String why : SplRegex.javaOnlyConstructs(pattern)) {
            diags.error(Code.TRANSLATION_UNSUPPORTED_REGEX, "the regex uses " + why + ", which Splunk's PCRE "
                    + "reads differently", p.value().span());
        }
        for (String why : SplRegex.subtleDifferences(pattern)) {
            diags.warn(Code.SPL_REGEX_DIALECT, "the regex uses " + why + "; Splunk's PCRE may match other text "
                    + "than SentinelOne", p.value().span());
        }
        StringBuilder safe = new StringBuilder();
        pattern.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) safe.append(String.format("\\x{%x}", cp));
            else safe.appendCodePoint(cp);
        });
        String m = "match(" + s.value() + ", " + SplLiteral.quote(safe.toString()) + ")";
        return Atom.evalOnly(p.operator().negated() ? "(isnotnull(" + ef + ") AND NOT " + m + ")"
                : "(isnotnull(" + ef + ") AND " + m + ")");
    }

    /** Registry hives etc.: SentinelOne's spelling of a value's start rewritten to the target's. */
    private String rewrite(Predicate p, String v, Shape shape, List<SplProfile.PrefixRewrite> prefixes) {
        for (SplProfile.PrefixRewrite r : prefixes) {
            if (!v.toLowerCase(Locale.ROOT).startsWith(r.from().toLowerCase(Locale.ROOT))) continue;
            String out = r.to() + v.substring(r.from().length());
            boolean anchored = shape == Shape.EQUALS || shape == Shape.STARTS;
            if (anchored && r.exact()) {
                diags.warn(Code.TRANSLATION_VALUE_TRANSFORMED, "'" + r.from() + "' at the start of the value is "
                        + "written '" + r.to() + "' in the target data", p.span());
            } else {
                diags.warn(Code.TRANSLATION_APPROXIMATE_VALUE, "'" + r.from() + "' in the value was rewritten to '"
                        + r.to() + "'; " + (anchored ? "the target's hive spelling is not certain"
                        : "the value is not anchored at the start of the path, so the rewrite may not apply"), p.span());
            }
            return out;
        }
        return v;
    }

    private static BigDecimal number(String s) {
        try {
            return dev.s1ql.ast.Decimals.parse(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
