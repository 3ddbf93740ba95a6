// Turns one S1QL 1.0 predicate, already mapped to a target field, into an SplCond with the exact SentinelOne
// meaning: case-insensitive operators become search terms (which ignore case), case-sensitive ones and values
// holding '*' become eval tests (match(), ==); negated operators stay false on a missing field (f!=v, or
// isnotnull() in eval) while a prefix NOT stays true on it.
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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

final class SplPredicates {

    private final Diagnostics diags;

    SplPredicates(Diagnostics diags) {
        this.diags = diags;
    }

    /** How a text value is anchored. */
    private enum Shape { EQUALS, CONTAINS, STARTS, ENDS }

    SplCond render(Predicate p, String target, List<SplProfile.PrefixRewrite> prefixes) {
        MatchKind kind = p.operator().kind();
        boolean negated = p.operator().negated();
        FieldType type = p.field().isKnown() ? p.field().resolved().type() : FieldType.STRING;
        boolean ci = p.operator().caseInsensitive() || type == FieldType.ENUM;
        String sf = SplLiteral.searchField(target);
        String ef = SplLiteral.evalField(target);
        switch (kind) {
            case EXISTS:
                return new Atom(sf + "=*", "isnotnull(" + ef + ")", false, null, null);
            case EMPTY:
                diags.warn(Code.TRANSLATION_EMPTY_VS_MISSING, "Splunk does not keep empty field values apart from "
                        + "missing ones as SentinelOne does; '" + p.operator().spelling() + "' is rendered as "
                        + (negated ? "'field has a value'" : "'field has no value'"), p.span());
                Atom has = new Atom(sf + "=*", "(isnotnull(" + ef + ") AND " + ef + "!=\"\")", false, null, null);
                return negated ? has : new Atom("NOT " + sf + "=*", "(isnull(" + ef + ") OR " + ef + "==\"\")",
                        true, null, null);
            case BOOL:
                String b = Boolean.toString(((dev.s1ql.ast.BoolValue) p.value()).value());
                return new Atom(sf + "=" + b, "(isnotnull(" + ef + ") AND lower(" + ef + ")==\"" + b + "\")",
                        false, sf, b);
            case COMPARE:
                return compare(p, sf, ef, p.operator().comparison().symbol(), p.value());
            case RANGE:
                return new All(List.of(compare(p, sf, ef, ">=", p.values().get(0)),
                        compare(p, sf, ef, "<=", p.values().get(1))));
            case REGEX:
                return regex(p, ef);
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
        for (Value v : p.values()) {
            String text = rewrite(p, v.text(), shape, prefixes);
            boolean numeric = type == FieldType.NUMBER && number(text) != null;
            // a value without letters that have case matches the same with and without case
            boolean caseless = text.toLowerCase(Locale.ROOT).equals(text.toUpperCase(Locale.ROOT));
            each.add(text(sf, ef, text, shape, ci || numeric || caseless, negated));
        }
        if (each.size() == 1) return each.get(0);
        // Not In / negated lists: present and none of the values; positive lists: any of them
        return negated ? new All(each) : new Any(each);
    }

    private SplCond text(String sf, String ef, String v, Shape shape, boolean ci, boolean negated) {
        String glob = switch (shape) {
            case EQUALS -> v;
            case CONTAINS -> "*" + v + "*";
            case STARTS -> v + "*";
            case ENDS -> "*" + v;
        };
        String lit = SplRegex.literal(v);
        String regex = (ci ? "(?i)" : "") + switch (shape) {
            case EQUALS -> "^" + lit + "\\z";
            case CONTAINS -> lit;
            case STARTS -> "^" + lit;
            case ENDS -> lit + "\\z";
        };
        boolean quotable = SplLiteral.isQuotable(v);
        String test = !ci && shape == Shape.EQUALS && quotable
                ? ef + (negated ? "!=" : "==") + SplLiteral.quote(v)
                : (negated ? "NOT " : "") + "match(" + ef + ", " + SplLiteral.quote(regex) + ")";
        String eval = "(isnotnull(" + ef + ") AND " + test + ")";
        if (!ci || !quotable || v.contains("*")) return Atom.evalOnly(eval);
        String q = SplLiteral.quote(glob);
        return negated ? Atom.of(sf + "!=" + q, eval) : new Atom(sf + "=" + q, eval, false, sf, q);
    }

    private SplCond compare(Predicate p, String sf, String ef, String op, Value v) {
        BigDecimal n = v instanceof NumberValue nv ? nv.number() : number(v.text());
        if (n != null) {
            String num = n.toPlainString();
            return Atom.of(sf + op + num, "(isnotnull(" + ef + ") AND tonumber(" + ef + ")" + op + num + ")");
        }
        diags.warn(Code.TRANSLATION_APPROXIMATE_VALUE, "'" + v.text() + "' is not a number: the comparison is "
                + "rendered as a text comparison in eval, which orders differently from SentinelOne for times and "
                + "mixed text", v.span());
        if (!SplLiteral.isQuotable(v.text())) {
            diags.error(Code.TRANSLATION_TYPE_MISMATCH, "a comparison value with control characters cannot be "
                    + "written in SPL", v.span());
            return Atom.evalOnly("false()");
        }
        return Atom.evalOnly("(isnotnull(" + ef + ") AND " + ef + op + SplLiteral.quote(v.text()) + ")");
    }

    private SplCond regex(Predicate p, String ef) {
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
        String m = "match(" + ef + ", " + SplLiteral.quote(safe.toString()) + ")";
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
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
