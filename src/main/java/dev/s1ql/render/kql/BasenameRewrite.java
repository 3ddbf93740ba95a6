// A field holds a path but the target column only the file name (Defender keeps the initiating process's
// parent as a name). A path condition is rewritten to a name condition where that keeps its meaning —
// EndsWith "\cmd.exe" is exactly "the name is cmd.exe" — approximated with a warning where it loses the
// folder, and refused where it cannot be written at all.
package dev.s1ql.render.kql;

import dev.s1ql.ast.MatchKind;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.translate.core.Leaf;
import dev.s1ql.translate.core.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

final class BasenameRewrite {

    private BasenameRewrite() {
    }

    static Leaf<KqlExpr> render(Test t, String ref, List<String> values, List<Diagnostic> notes) {
        MatchKind kind = t.kind();
        boolean negated = t.negated();
        boolean ci = t.ignoreCase();
        List<KqlExpr> each = new ArrayList<>();
        for (String v : values) {
            int sep = Math.max(v.lastIndexOf('\\'), v.lastIndexOf('/'));
            String name = v.substring(sep + 1);
            String op;
            if (kind == MatchKind.ENDS_WITH && sep < 0) {
                op = KqlOperators.pick(MatchKind.ENDS_WITH, ci, negated);          // the name ends with it
            } else if (kind == MatchKind.ENDS_WITH && sep == 0) {
                op = KqlOperators.pick(MatchKind.EQUALS, ci, negated);             // "\x.exe": the name is x.exe
            } else if ((kind == MatchKind.EQUALS || kind == MatchKind.IN) && !name.isEmpty()) {
                op = KqlOperators.pick(MatchKind.EQUALS, ci, negated);
                notes.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_VALUE, t.field() + " '" + v + "' is compared by its file name '"
                        + name + "' only: the target has no folder for it", t.span()));
            } else if ((kind == MatchKind.CONTAINS || kind == MatchKind.IN_CONTAINS) && sep < 0) {
                op = KqlOperators.pick(MatchKind.CONTAINS, ci, negated);
                notes.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_VALUE, t.field() + " contains '" + v
                        + "' is looked for in the file name only: the target has no folder for it", t.span()));
            } else {
                return Leaf.unwritable(new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNMAPPED_FIELD, t.field() + " "
                        + kind.name().toLowerCase(Locale.ROOT) + " '" + v + "' needs the folder, but the target"
                        + " keeps only the file name (" + ref + ")", t.span(), null));
            }
            each.add(KqlExpr.atom(ref + " " + op + " " + KqlLiteral.string(name)));
        }
        KqlExpr cond = negated ? KqlExpr.and(each) : KqlExpr.or(each);
        return Leaf.written(PredicateRenderer.guard(cond, ref, negated), notes);
    }
}
