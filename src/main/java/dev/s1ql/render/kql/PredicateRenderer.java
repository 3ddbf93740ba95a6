// Writes one S1QL predicate as a KQL condition on one column: picks the operator (KqlOperators), writes the
// values (KqlLiteral), applies the column's value transform, and keeps S1QL 1.0's missing-field rule — a
// negated comparison is false when the field is missing, while KQL's != is true on an empty column.
package dev.s1ql.render.kql;

import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;
import dev.s1ql.diag.Code;
import dev.s1ql.translate.Re2Compatibility;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

final class PredicateRenderer {

    private final KqlProfile profile;
    private final LegDiagnostics diags;

    PredicateRenderer(KqlProfile profile, LegDiagnostics diags) {
        this.profile = profile;
        this.diags = diags;
    }

    /**
     * @param field     the concrete S1QL field (a shortcut is rendered once per member)
     * @param enumField whether the field is an enum, which S1 compares without case
     */
    KqlExpr render(Predicate p, String field, KqlProfile.Column col, boolean enumField) {
        if (col.approximate()) {
            diags.add(Code.TRANSLATION_APPROXIMATE_FIELD, field + " is translated to " + col.reference()
                    + ", which does not hold quite the same data: " + col.note(), p.field().span());
        }
        String ref = col.reference();
        MatchKind kind = p.operator().kind();
        switch (kind) {
            case EXISTS:
                if (col.type() == KqlProfile.ColumnType.STRING) {
                    diags.add(Code.TRANSLATION_EMPTY_VS_MISSING, "KQL cannot tell a missing " + field
                            + " from an empty one: EXISTS becomes isnotempty(" + ref + ")", p.span());
                }
                return KqlExpr.atom("isnotempty(" + ref + ")");
            case EMPTY:
                return KqlExpr.atom((p.operator().negated() ? "isnotempty(" : "isempty(") + ref + ")");
            case BOOL:
                return bool(p, ref, col);
            case COMPARE:
            case RANGE:
                return ordered(p, field, ref, col);
            default:
                return textual(p, field, col, enumField);
        }
    }

    private KqlExpr bool(Predicate p, String ref, KqlProfile.Column col) {
        boolean v = ((BoolValue) p.value()).value();
        if (col.type() == KqlProfile.ColumnType.BOOL) return KqlExpr.atom(ref + " == " + v);
        return KqlExpr.atom("tostring(" + ref + ") =~ " + KqlLiteral.string(Boolean.toString(v)));
    }

    private KqlExpr ordered(Predicate p, String field, String ref, KqlProfile.Column col) {
        List<String> lits = new ArrayList<>();
        for (Value v : p.values()) {
            String lit = col.type() == KqlProfile.ColumnType.NUMBER || col.type() == KqlProfile.ColumnType.STRING
                    ? KqlLiteral.number(v.text())
                    : col.type() == KqlProfile.ColumnType.TIME ? KqlLiteral.datetime(v.text()) : null;
            if (lit == null) {
                return unexpressible(Code.TRANSLATION_TYPE_MISMATCH, "cannot order " + field + " (column "
                        + ref + ", " + col.type().name().toLowerCase() + ") by the value '" + v.text() + "'", p);
            }
            lits.add(lit);
        }
        if (col.type() == KqlProfile.ColumnType.STRING) ref = "tolong(" + ref + ")";   // ids ASIM keeps as text
        if (p.operator().kind() == MatchKind.RANGE) {
            return KqlExpr.atom(ref + " between (" + lits.get(0) + " .. " + lits.get(1) + ")");
        }
        return KqlExpr.atom(ref + " " + p.operator().comparison().symbol() + " " + lits.get(0));
    }

    private KqlExpr textual(Predicate p, String field, KqlProfile.Column col, boolean enumField) {
        MatchKind kind = p.operator().kind();
        boolean negated = p.operator().negated();
        String ref = col.reference();
        List<String> values = new ArrayList<>(p.values().stream().map(Value::text).toList());

        if (col.type() == KqlProfile.ColumnType.NUMBER && (kind == MatchKind.EQUALS || kind == MatchKind.IN)) {
            List<String> numbers = values.stream().map(KqlLiteral::number).toList();
            if (!numbers.contains(null)) {
                String cond = kind == MatchKind.EQUALS
                        ? ref + (negated ? " != " : " == ") + numbers.get(0)
                        : ref + (negated ? " !in (" : " in (") + String.join(", ", numbers) + ")";
                return guard(KqlExpr.atom(cond), ref, negated);
            }
        }
        if (col.type() != KqlProfile.ColumnType.STRING) ref = "tostring(" + ref + ")";

        if ("registry_root".equals(col.transform())) values = registryRoots(p, values);
        if ("basename".equals(col.transform())) return BasenameRewrite.render(p, field, ref, values, diags);

        if (kind == MatchKind.REGEX) return regex(p, ref, values.get(0), enumField);

        boolean ci = p.operator().caseInsensitive() || enumField;
        if (!negated && values.stream().anyMatch(String::isEmpty)) {
            diags.add(Code.TRANSLATION_EMPTY_VS_MISSING, "KQL cannot tell a missing " + field
                    + " from an empty one, so an empty value also matches events without it", p.span());
        }
        String op = KqlOperators.pick(kind, ci, negated);
        if (kind == MatchKind.IN) {
            List<String> lits = values.stream().map(KqlLiteral::string).toList();
            return guard(KqlExpr.atom(ref + " " + op + " (" + String.join(", ", lits) + ")"), ref, negated);
        }
        List<KqlExpr> each = new ArrayList<>();
        for (String v : values) each.add(KqlExpr.atom(ref + " " + op + " " + KqlLiteral.string(v)));
        // In Contains: any value; a negated list (not in 1.0, but the AST allows it) must avoid them all.
        KqlExpr cond = negated ? KqlExpr.and(each) : KqlExpr.or(each);
        return guard(cond, ref, negated);
    }

    private KqlExpr regex(Predicate p, String ref, String pattern, boolean enumField) {
        String problem = Re2Compatibility.problem(pattern);
        if (problem != null) {
            return unexpressible(Code.TRANSLATION_UNSUPPORTED_REGEX, "the pattern uses " + problem
                    + ", which Kusto's regular expressions (RE2) do not support", p);
        }
        String rx = enumField ? "(?i)" + pattern : pattern;
        KqlExpr cond = KqlExpr.atom(ref + " matches regex " + KqlLiteral.string(rx));
        // A pattern that matches the empty string would match a missing field in KQL, never in S1QL.
        return matchesEmpty(pattern) ? KqlExpr.and(KqlExpr.atom("isnotempty(" + ref + ")"), cond) : cond;
    }

    private static boolean matchesEmpty(String pattern) {
        try {
            return Pattern.compile(pattern).matcher("").find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** Hive prefixes rewritten where the value is anchored at the start of the path. */
    private List<String> registryRoots(Predicate p, List<String> values) {
        MatchKind kind = p.operator().kind();
        if (kind != MatchKind.EQUALS && kind != MatchKind.IN && kind != MatchKind.STARTS_WITH) return values;
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String rewritten = v;
            for (KqlProfile.RegistryRoot root : profile.registryRoots()) {
                if (v.regionMatches(true, 0, root.s1Prefix(), 0, root.s1Prefix().length())) {
                    rewritten = root.targetPrefix() + v.substring(root.s1Prefix().length());
                    diags.add(root.approximate() ? Code.TRANSLATION_APPROXIMATE_VALUE : Code.TRANSLATION_VALUE_TRANSFORMED,
                            "registry path '" + v + "' is written '" + rewritten + "' in the target"
                                    + (root.note().isEmpty() ? "" : " (" + root.note() + ")"), p.span());
                    break;
                }
            }
            out.add(rewritten);
        }
        return out;
    }

    /** S1QL 1.0: a negated comparison is false when the field is missing (spec §4, Q13). */
    static KqlExpr guard(KqlExpr cond, String ref, boolean negated) {
        return negated ? KqlExpr.and(KqlExpr.atom("isnotempty(" + ref + ")"), cond) : cond;
    }

    static KqlExpr unexpressible(Code code, String message, Predicate p) {
        return new KqlExpr.Unexpressible(List.of(new Diagnostic(Severity.ERROR, code, message, p.span(), null)));
    }
}
