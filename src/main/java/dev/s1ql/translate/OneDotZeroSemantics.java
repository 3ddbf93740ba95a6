// Lets the 1.0-based translators (KQL, SPL) take S1QL 2.0 and PowerQuery input: rewrites a 2.0 AST into one
// with 1.0 semantics, exactly where 1.0 can say the same thing and with a diagnostic where it cannot.
package dev.s1ql.translate;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Dialect;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Operator;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.StringValue;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.EnumCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.eval.PipelineFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * <ul>
 *   <li>a case-insensitive 2.0 {@code matches} becomes a 1.0 RegExp with {@code (?i)} in front (exact);</li>
 *   <li>a case-sensitive {@code =} / {@code in} on an enum field: 1.0 (and the translators) compare enum fields
 *       without case. Exact when the value is the field's canonical spelling (what events carry); otherwise a
 *       TRANSLATION_APPROXIMATE_VALUE warning;</li>
 *   <li>PowerQuery {@code | filter} stages are ANDed into the filter; any other stage is an error, because the
 *       output would lose it.</li>
 * </ul>
 */
public final class OneDotZeroSemantics {
    private OneDotZeroSemantics() {
    }

    /** The query with 1.0 semantics (null when it cannot be had) and the diagnostics of the rewrite. */
    public record Adapted(Query query, List<Diagnostic> diagnostics) {
    }

    public static Adapted adapt(Query q) {
        if (q.dialect() == Dialect.S1QL_1) return new Adapted(q, List.of());
        List<Diagnostic> out = new ArrayList<>();
        PipelineFilter.Folded folded = PipelineFilter.fold(q);
        for (var s : q.pipeline()) {
            if (!(s instanceof dev.s1ql.ast.Stage.Filter f)) {
                out.add(new Diagnostic(Severity.ERROR, Code.UNSUPPORTED_2_0, "the '" + stageName(s) + "' stage is "
                        + "not translated: only the filters of a PowerQuery are, and this stage would be lost",
                        s.span(), "translate the query without it"));
            } else if (f.expr() == null) {
                out.add(new Diagnostic(Severity.ERROR, Code.UNSUPPORTED_2_0, "this filter computes values (functions, "
                        + "arithmetic or comparisons of two values); only filters on fields are translated",
                        s.span(), "translate the query without it"));
            }
        }
        if (folded.query() == null) {
            out.add(Diagnostic.of(Code.UNSUPPORTED_2_0, "this PowerQuery has no filter to translate", dev.s1ql.ast.Span.NONE));
        }
        if (out.stream().anyMatch(Diagnostic::isError)) return new Adapted(null, out);
        Expr root = rewrite(folded.query().root(), out);
        return new Adapted(new Query(root, q.source(), q.comments(), Dialect.S1QL_1, List.of()), out);
    }

    /** The command word of a stage, for messages. */
    static String stageName(dev.s1ql.ast.Stage s) {
        if (s instanceof dev.s1ql.ast.Stage.Other o) return o.command();
        if (s instanceof dev.s1ql.ast.Stage.Limit l) return l.count() < 0 ? "nolimit" : "limit";
        return s.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static Expr rewrite(Expr e, List<Diagnostic> out) {
        if (e instanceof And a) return new And(a.operands().stream().map(x -> rewrite(x, out)).toList(), a.span());
        if (e instanceof Or o) return new Or(o.operands().stream().map(x -> rewrite(x, out)).toList(), o.span());
        if (e instanceof Not n) return new Not(rewrite(n.operand(), out), n.span());
        Predicate p = (Predicate) e;
        Operator op = p.operator();
        if (op.kind() == MatchKind.REGEX && op.caseInsensitive()) {
            Value v = p.value();
            return new Predicate(p.field(), new Operator(MatchKind.REGEX, false, op.negated(), null, op.spelling()),
                    List.of(new StringValue("(?i)" + v.text(), false, v.span())), p.span());
        }
        FieldInfo info = p.field().resolved();
        if (info != null && info.isEnum() && !op.caseInsensitive()
                && (op.kind() == MatchKind.EQUALS || op.kind() == MatchKind.IN)) {
            for (Value v : p.values()) {
                String canonical = EnumCatalog.defaults().canonical(info.name(), v.text());
                if (!v.text().equals(canonical)) {
                    out.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_VALUE, "S1QL 2.0 compares " + p.field().written()
                            + " with case, the target without: '" + v.text() + "' also matches other spellings",
                            v.span(), "use in:anycase, or the official spelling"));
                }
            }
        }
        return p;
    }
}
