// The SPL dialect of the translation core for one test: turns a lowered test, already mapped to a target field,
// into an SplCond with the exact SentinelOne
// meaning: case-insensitive operators become search terms (which ignore case), case-sensitive ones and values
// holding '*' become eval tests (match(), ==); negated operators stay false on a missing field (f!=v, or
// isnotnull() in eval) while a prefix NOT stays true on it. A field mapped to the last segment of a target path
// (a process name from Sysmon's Image) is tested in eval on replace(path, "(?s)^.*[\\\\/]", ""); where a search
// term can say the same exactly it is one, else a glob on the path pre-filters the search.
package dev.s1ql.render.spl;

import dev.s1ql.ast.MatchKind;
import dev.s1ql.catalog.FieldType;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.regex.RegexEngine;
import dev.s1ql.regex.RegexTranslation;
import dev.s1ql.render.spl.SplCond.All;
import dev.s1ql.render.spl.SplCond.Any;
import dev.s1ql.render.spl.SplCond.Atom;
import dev.s1ql.render.spl.SplCond.Prefilter;
import dev.s1ql.translate.core.Leaf;
import dev.s1ql.translate.core.Operand;
import dev.s1ql.translate.core.PrefixRewrite;
import dev.s1ql.translate.core.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

final class SplPredicates {

    /** Warnings of the test being written (a new instance per test). */
    private final List<Diagnostic> notes = new ArrayList<>();

    private SplPredicates() {
    }

    /** The test written on {@code target} (see {@link #render}), or why it cannot be. */
    static Leaf<SplCond> leaf(Test t, String target, SplDerivation derivation, List<PrefixRewrite.Root> prefixes) {
        SplPredicates w = new SplPredicates();
        try {
            SplCond c = derivation instanceof SplDerivation.Value || derivation instanceof SplDerivation.LastSegment
                    ? w.render(t, target, derivation instanceof SplDerivation.LastSegment, prefixes)
                    : w.derived(t, new Subject(target, derivation));
            return Leaf.written(c, w.notes);
        } catch (Unwritable u) {
            return Leaf.unwritable(u.reason);
        }
    }

    /** Raised inside rendering when a part of the test has no SPL form. */
    private static final class Unwritable extends Exception {
        final Diagnostic reason;

        Unwritable(Diagnostic reason) {
            super(null, null, false, false);
            this.reason = reason;
        }
    }

    private void warn(Code code, String message, dev.s1ql.ast.Span span) {
        notes.add(Diagnostic.of(code, message, span));
    }

    /** How a text value is anchored. */
    private enum Shape { EQUALS, CONTAINS, STARTS, ENDS }

    /** The regex whose removal leaves a path's last segment: everything up to the last backslash or slash. */
    static final String PATH_HEAD = SplDerivation.PATH_HEAD;

    /** What a predicate tests: a target field, and how the SentinelOne value derives from it (SplDerivation). */
    private record Subject(String field, SplDerivation derivation) {
        Subject(String field, boolean lastSegment) {
            this(field, lastSegment ? new SplDerivation.LastSegment() : new SplDerivation.Value());
        }

        String sf() {
            return SplLiteral.searchField(field);
        }

        String ef() {
            return SplLiteral.evalField(field);
        }

        boolean lastSegment() {
            return derivation instanceof SplDerivation.LastSegment;
        }

        /** The tested text in eval. */
        String value() {
            return derivation.value(ef());
        }

        /** The SentinelOne field is present (a path always has a last segment). */
        String present() {
            return derivation.present(ef());
        }
    }

    /**
     * A test on a derived value (an extension, a hash part, a mapped value): in eval on the derived value, with
     * the search terms that say the same exactly where there are some (an extension: the path ends with ".v";
     * a mapped value: the target values that map to it), and a pre-filter on a hash list.
     */
    private SplCond derived(Test p, Subject s) throws Unwritable {
        MatchKind kind = p.kind();
        boolean negated = p.negated();
        String present = s.present();
        String ev = s.value();
        switch (kind) {
            case EXISTS:
                return Atom.evalOnly(present);
            case EMPTY:
                return Atom.evalOnly(negated ? "(" + present + " AND " + ev + "!=\"\")" : "(NOT " + present + " OR " + ev + "==\"\")");
            case COMPARE:
                return compare(s, p.comparison().symbol(), p.operand());
            case RANGE:
                return new All(List.of(compare(s, ">=", p.operands().get(0)), compare(s, "<=", p.operands().get(1))));
            case REGEX:
                return regex(p, s);
            case BOOL:
                return Atom.evalOnly("(" + present + " AND lower(" + ev + ")==" + SplLiteral.quote(p.operand().text().toLowerCase(Locale.ROOT)) + ")");
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
        for (Operand o : p.operands()) {
            boolean ci = p.ignoreCase() || o.text().toLowerCase(Locale.ROOT).equals(o.text().toUpperCase(Locale.ROOT));
            String eval = "(" + present + " AND " + test(ev, o.text(), shape, ci, negated) + ")";
            String term = shape == Shape.EQUALS && ci && !negated ? searchTerm(s, o.text()) : null;
            if (term != null && s.derivation() instanceof SplDerivation.HashPart) {
                each.add(new All(List.of(new Prefilter(term), Atom.evalOnly(eval))));
            } else {
                each.add(term != null ? Atom.of(term, eval) : Atom.evalOnly(eval));
            }
        }
        return each.size() == 1 ? each.get(0) : negated ? new All(each) : new Any(each);
    }

    /** The search term for "the derived value equals v" (search terms ignore case), or null when there is none. */
    private static String searchTerm(Subject s, String v) {
        if (!SplLiteral.isQuotable(v) || v.isEmpty() || v.contains("*")) return null;
        SplDerivation d = s.derivation();
        if (d instanceof SplDerivation.Extension) {
            return v.matches("[^.\\\\/]+") ? s.sf() + "=" + SplLiteral.quote("*." + v) : null;
        }
        if (d instanceof SplDerivation.HashPart h) return s.sf() + "=" + SplLiteral.quote("*" + h.algorithm() + "=" + v + "*");
        if (d instanceof SplDerivation.ValueMap m) {
            List<String> targets = new ArrayList<>();
            m.targetToS1().forEach((t, s1) -> {
                if (s1.equalsIgnoreCase(v)) targets.add(SplLiteral.termValue(t));
            });
            if (targets.isEmpty()) return null;
            return targets.size() == 1 ? s.sf() + "=" + targets.get(0) : s.sf() + " IN (" + String.join(",", targets) + ")";
        }
        return null;
    }

    /**
     * @param target      the target field
     * @param lastSegment the SentinelOne value is the last path segment of the target's value
     */
    private SplCond render(Test p, String target, boolean lastSegment, List<PrefixRewrite.Root> prefixes)
            throws Unwritable {
        MatchKind kind = p.kind();
        boolean negated = p.negated();
        FieldType type = p.type();
        boolean ci = p.ignoreCase();
        Subject s = new Subject(target, lastSegment);
        String sf = s.sf();
        String ef = s.ef();
        String ev = s.value();
        switch (kind) {
            case EXISTS:
                warn(Code.TRANSLATION_EMPTY_VS_MISSING, "Splunk does not keep empty field values apart from missing "
                        + "ones as SentinelOne does: EXISTS becomes 'the field has a value'", p.span());
                return new Atom(sf + "=*", "isnotnull(" + ef + ")", false, null, null);
            case EMPTY:
                warn(Code.TRANSLATION_EMPTY_VS_MISSING, "Splunk does not keep empty field values apart from "
                        + "missing ones as SentinelOne does; '" + p.source().operator().spelling() + "' is rendered as "
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
                String b = Boolean.toString(Boolean.parseBoolean(p.operand().text()));
                String isB = "(isnotnull(" + ef + ") AND lower(" + ev + ")==\"" + b + "\")";
                return lastSegment ? Atom.evalOnly(isB) : new Atom(sf + "=" + b, isB, false, sf, b);
            case COMPARE:
                return compare(s, p.comparison().symbol(), p.operand());
            case RANGE:
                return new All(List.of(compare(s, ">=", p.operands().get(0)),
                        compare(s, "<=", p.operands().get(1))));
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
        List<String> texts = prefixes.isEmpty() ? p.operands().stream().map(Operand::text).toList()
                : PrefixRewrite.apply(p, prefixes, notes);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Operand operand = p.operands().get(i);
            if (shape == Shape.EQUALS && operand.isNumber() && text.equals(operand.text()) && !lastSegment) {
                each.add(numberEquals(s, operand, ci, negated));
                everyValueHasGlob = false;
                continue;
            }
            if (text.isEmpty() && !negated && shape != Shape.EQUALS) emptyOperand(p);
            boolean numeric = false;
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

    /**
     * {@code = number}: SentinelOne takes the value when its text is the operand's (with the test's case rule) or
     * when both read as numbers and are equal ("0100" = 100, "4242.0" = 4242), which a search term cannot say.
     * The eval test says it; a search term on the number's digits, which every such value contains, pre-filters.
     */
    private SplCond numberEquals(Subject s, Operand o, boolean ci, boolean negated) {
        String ev = s.value();
        String text = ci ? "match(" + ev + ", " + SplLiteral.quote("(?i)^" + SplRegex.literal(o.text()) + "\\z") + ")"
                : ev + "==" + SplLiteral.quote(o.text());
        String number = "(match(" + ev + ", \"^-?[0-9]+(\\\\.[0-9]+)?\\\\z\") AND tonumber(" + ev + ")=="
                + o.number().toPlainString() + ")";
        String test = "(" + text + " OR " + number + ")";
        String eval = "(" + s.present() + " AND " + (negated ? "NOT " : "") + test + ")";
        if (negated) return Atom.evalOnly(eval);
        String digits = o.number().abs().stripTrailingZeros().toPlainString();
        return new All(List.of(new Prefilter(s.sf() + "=" + SplLiteral.quote("*" + digits + "*")), Atom.evalOnly(eval)));
    }

    /** Splunk extracts no field for an empty value, so "contains nothing" also misses a present, empty field. */
    private void emptyOperand(Test p) {
        warn(Code.TRANSLATION_EMPTY_VS_MISSING, "Splunk does not keep empty field values apart from missing ones as "
                + "SentinelOne does: an empty operand also misses a field that is present but empty", p.span());
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

    private SplCond compare(Subject s, String op, Operand v) throws Unwritable {
        String ef = s.ef();
        if (v.isNumber()) {
            String num = v.number().toPlainString();
            String eval = "(isnotnull(" + ef + ") AND tonumber(" + s.value() + ")" + op + num + ")";
            return s.lastSegment() ? Atom.evalOnly(eval) : Atom.of(s.sf() + op + num, eval);
        }
        warn(Code.TRANSLATION_APPROXIMATE_VALUE, "'" + v.text() + "' is not a number: the comparison is "
                + "rendered as a text comparison in eval, which orders differently from SentinelOne for times and "
                + "mixed text", v.span());
        if (!SplLiteral.isQuotable(v.text())) {
            throw new Unwritable(new Diagnostic(Severity.ERROR, Code.TRANSLATION_TYPE_MISMATCH, "a comparison value "
                    + "with control characters cannot be written in SPL", v.span(), null));
        }
        return Atom.evalOnly("(isnotnull(" + ef + ") AND " + s.value() + op + SplLiteral.quote(v.text()) + ")");
    }

    private SplCond regex(Test p, Subject s) throws Unwritable {
        String ef = s.ef();
        RegexTranslation rx = RegexTranslation.of(p.operand().text(), p.ignoreCase(), RegexEngine.PCRE);
        if (!rx.ok()) {
            throw new Unwritable(new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNSUPPORTED_REGEX, "the pattern uses "
                    + String.join(", ", rx.unsupported()) + ", which Splunk's regular expressions (PCRE) cannot run",
                    p.operand().span(), null));
        }
        for (String why : rx.differences()) {
            warn(Code.TRANSLATION_REGEX_DIFFERENCE, "the pattern uses " + why + "; Splunk's PCRE may match other "
                    + "text than SentinelOne", p.operand().span());
        }
        StringBuilder safe = new StringBuilder();
        rx.pattern().codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) safe.append(String.format("\\x{%x}", cp));
            else safe.appendCodePoint(cp);
        });
        String m = "match(" + s.value() + ", " + SplLiteral.quote(safe.toString()) + ")";
        return Atom.evalOnly(p.negated() ? "(isnotnull(" + ef + ") AND NOT " + m + ")"
                : "(isnotnull(" + ef + ") AND " + m + ")");
    }
}
