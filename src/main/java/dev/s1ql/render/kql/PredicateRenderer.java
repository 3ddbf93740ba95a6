// Writes one lowered test as a KQL condition on one column: picks the operator (KqlOperators), writes the values
// (KqlLiteral), applies the column's value transform, and keeps S1QL 1.0's missing-field rule — a negated
// comparison is false when the field is missing, while KQL's != is true on an empty column. Case, numbers and
// regex validity were decided by the translation core; the regex is carried to Kusto's RE2 by RegexTranslation.
package dev.s1ql.render.kql;

import dev.s1ql.ast.MatchKind;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.regex.RegexEngine;
import dev.s1ql.regex.RegexTranslation;
import dev.s1ql.translate.core.Leaf;
import dev.s1ql.translate.core.Operand;
import dev.s1ql.translate.core.PrefixRewrite;
import dev.s1ql.translate.core.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

final class PredicateRenderer {

    private final KqlProfile profile;

    PredicateRenderer(KqlProfile profile) {
        this.profile = profile;
    }

    Leaf<KqlExpr> render(Test t, KqlProfile.Column col) {
        List<Diagnostic> notes = new ArrayList<>();
        if (col.approximate()) {
            notes.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_FIELD, t.field() + " is translated to "
                    + col.reference() + ", which does not hold quite the same data: " + col.note(), t.fieldSpan()));
        }
        String ref = col.reference();
        KqlExpr e = switch (t.kind()) {
            case EXISTS -> {
                if (col.type() == KqlProfile.ColumnType.STRING) {
                    notes.add(Diagnostic.of(Code.TRANSLATION_EMPTY_VS_MISSING, "KQL cannot tell a missing " + t.field()
                            + " from an empty one: EXISTS becomes isnotempty(" + ref + ")", t.span()));
                }
                yield KqlExpr.atom("isnotempty(" + ref + ")");
            }
            case EMPTY -> KqlExpr.atom((t.negated() ? "isnotempty(" : "isempty(") + ref + ")");
            case BOOL -> bool(t, ref, col);
            case COMPARE, RANGE -> ordered(t, ref, col);
            default -> null;
        };
        if (e != null) return Leaf.written(e, notes);
        return textual(t, col, notes);
    }

    private static KqlExpr bool(Test t, String ref, KqlProfile.Column col) {
        boolean v = Boolean.parseBoolean(t.operand().text());
        if (col.type() == KqlProfile.ColumnType.BOOL) return KqlExpr.atom(ref + " == " + v);
        return KqlExpr.atom("tostring(" + ref + ") =~ " + KqlLiteral.string(Boolean.toString(v)));
    }

    /**
     * A number operand orders numbers (text columns holding ids are read with tolong()); a text operand orders
     * text, with strcmp, as SentinelOne compares text (a time column takes a datetime literal instead).
     */
    private static KqlExpr ordered(Test t, String ref, KqlProfile.Column col) {
        List<String> conds = new ArrayList<>();
        List<dev.s1ql.ast.Comparison> cmps = t.kind() == MatchKind.RANGE
                ? List.of(dev.s1ql.ast.Comparison.GE, dev.s1ql.ast.Comparison.LE) : List.of(t.comparison());
        for (int i = 0; i < cmps.size(); i++) {
            Operand o = t.operands().get(i);
            String op = cmps.get(i).symbol();
            String date = col.type() == KqlProfile.ColumnType.TIME ? KqlLiteral.datetime(o.text()) : null;
            if (date != null) {
                conds.add(ref + " " + op + " " + date);
            } else if (o.isNumber() && col.type() != KqlProfile.ColumnType.TIME) {
                String r = col.type() == KqlProfile.ColumnType.STRING ? "tolong(" + ref + ")" : ref;   // ids ASIM keeps as text
                conds.add(r + " " + op + " " + KqlLiteral.number(o.number()));
            } else {
                String r = col.type() == KqlProfile.ColumnType.STRING ? ref : "tostring(" + ref + ")";
                conds.add("strcmp(" + r + ", " + KqlLiteral.string(o.text()) + ") " + op + " 0");
            }
        }
        if (t.kind() == MatchKind.RANGE && conds.get(0).startsWith(ref + " >= ") && conds.get(1).startsWith(ref + " <= ")) {
            return KqlExpr.atom(ref + " between (" + conds.get(0).substring(ref.length() + 4) + " .. "
                    + conds.get(1).substring(ref.length() + 4) + ")");
        }
        return KqlExpr.and(conds.stream().map(KqlExpr::atom).toList());
    }

    private Leaf<KqlExpr> textual(Test t, KqlProfile.Column col, List<Diagnostic> notes) {
        MatchKind kind = t.kind();
        boolean negated = t.negated();
        String ref = col.reference();
        List<String> values = new ArrayList<>(t.operands().stream().map(Operand::text).toList());

        if (col.type() == KqlProfile.ColumnType.NUMBER && (kind == MatchKind.EQUALS || kind == MatchKind.IN)
                && t.operands().stream().allMatch(Operand::isNumber)) {
            List<String> numbers = t.operands().stream().map(o -> KqlLiteral.number(o.number())).toList();
            String cond = kind == MatchKind.EQUALS
                    ? ref + (negated ? " != " : " == ") + numbers.get(0)
                    : ref + (negated ? " !in (" : " in (") + String.join(", ", numbers) + ")";
            return Leaf.written(guard(KqlExpr.atom(cond), ref, negated), notes);
        }
        if (col.type() != KqlProfile.ColumnType.STRING) ref = "tostring(" + ref + ")";

        if (col.type() == KqlProfile.ColumnType.STRING && (kind == MatchKind.EQUALS || kind == MatchKind.IN)
                && t.operands().stream().anyMatch(Operand::isNumber) && col.transform().isEmpty()) {
            return Leaf.written(guard(numberAware(t, ref), ref, negated), notes);
        }

        if ("registry_root".equals(col.transform())) {
            List<PrefixRewrite.Root> roots = profile.registryRoots();
            values = PrefixRewrite.apply(t, roots, notes);
        }
        if ("basename".equals(col.transform())) return BasenameRewrite.render(t, ref, values, notes);

        if (kind == MatchKind.REGEX) return regex(t, ref, notes);

        if (!negated && values.stream().anyMatch(String::isEmpty)) {
            notes.add(Diagnostic.of(Code.TRANSLATION_EMPTY_VS_MISSING, "KQL cannot tell a missing " + t.field()
                    + " from an empty one, so an empty value also matches events without it", t.span()));
        }
        String op = KqlOperators.pick(kind, t.ignoreCase(), negated);
        if (kind == MatchKind.IN) {
            List<String> lits = values.stream().map(KqlLiteral::string).toList();
            return Leaf.written(guard(KqlExpr.atom(ref + " " + op + " (" + String.join(", ", lits) + ")"), ref, negated), notes);
        }
        List<KqlExpr> each = new ArrayList<>();
        for (String v : values) each.add(KqlExpr.atom(ref + " " + op + " " + KqlLiteral.string(v)));
        // In Contains: any value; a negated list must avoid them all.
        KqlExpr cond = negated ? KqlExpr.and(each) : KqlExpr.or(each);
        return Leaf.written(guard(cond, ref, negated), notes);
    }

    /**
     * {@code = number} on a text column (ASIM keeps process ids as text): SentinelOne takes the value when its text is
     * the operand's, or when both read as numbers and are equal ("0100" = 100), so both are written.
     */
    private static KqlExpr numberAware(Test t, String ref) {
        List<String> texts = t.operands().stream().map(o -> KqlLiteral.string(o.text())).toList();
        String textOp = t.ignoreCase() ? (texts.size() == 1 ? " =~ " : " in~ ") : (texts.size() == 1 ? " == " : " in ");
        KqlExpr text = KqlExpr.atom(ref + textOp + (texts.size() == 1 ? texts.get(0) : "(" + String.join(", ", texts) + ")"));
        List<String> numbers = t.operands().stream().filter(Operand::isNumber).map(o -> KqlLiteral.number(o.number())).toList();
        KqlExpr number = KqlExpr.atom("(" + ref + " matches regex @\"^-?[0-9]+(\\.[0-9]+)?\\z\" and todecimal(" + ref + ")"
                + (numbers.size() == 1 ? " == " + numbers.get(0) : " in (" + String.join(", ", numbers) + ")") + ")");
        KqlExpr either = KqlExpr.or(List.of(text, number));
        return t.negated() ? KqlExpr.not(either) : either;
    }

    private static Leaf<KqlExpr> regex(Test t, String ref, List<Diagnostic> notes) {
        String pattern = t.operand().text();
        RegexTranslation rx = RegexTranslation.of(pattern, t.ignoreCase(), RegexEngine.RE2);
        if (!rx.ok()) {
            return Leaf.unwritable(new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNSUPPORTED_REGEX, "the pattern uses "
                    + String.join(", ", rx.unsupported()) + ", which Kusto's regular expressions (RE2) cannot run",
                    t.operand().span(), null));
        }
        for (String d : rx.differences()) {
            notes.add(Diagnostic.of(Code.TRANSLATION_REGEX_DIFFERENCE, "the pattern uses " + d
                    + "; the output may match other text than SentinelOne", t.operand().span()));
        }
        KqlExpr match = KqlExpr.atom(ref + " matches regex " + KqlLiteral.string(rx.pattern()));
        KqlExpr cond = t.negated() ? KqlExpr.not(match) : match;   // KQL has no negated regex operator
        // A pattern that matches the empty string would match a missing field in KQL, never in S1QL.
        boolean guardEmpty = t.negated() || matchesEmpty(pattern, t.ignoreCase());
        return Leaf.written(guardEmpty ? KqlExpr.and(KqlExpr.atom("isnotempty(" + ref + ")"), cond) : cond, notes);
    }

    private static boolean matchesEmpty(String pattern, boolean ignoreCase) {
        try {
            return Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0).matcher("").find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** S1QL 1.0: a negated comparison is false when the field is missing (spec §4, Q13). */
    static KqlExpr guard(KqlExpr cond, String ref, boolean negated) {
        return negated ? KqlExpr.and(KqlExpr.atom("isnotempty(" + ref + ")"), cond) : cond;
    }
}
