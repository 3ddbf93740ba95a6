// Legacy names and multi-field shortcuts (CmdLine, IP, ProcessName, ...) stand for several current fields: a
// predicate on one becomes the OR of the same predicate on each member (spec §6.2, §11 Q9).
package dev.s1ql.render.spl;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.diag.Code;

import java.util.ArrayList;
import java.util.List;

final class ShortcutExpansion {

    private ShortcutExpansion() {
    }

    static Expr expand(Expr e, Diagnostics diags) {
        if (e instanceof And a) return new And(a.operands().stream().map(o -> expand(o, diags)).toList(), a.span());
        if (e instanceof Or o) return new Or(o.operands().stream().map(x -> expand(x, diags)).toList(), o.span());
        if (e instanceof Not n) return new Not(expand(n.operand(), diags), n.span());
        Predicate p = (Predicate) e;
        FieldInfo info = p.field().resolved();
        if (info == null || info.members().isEmpty()) return p;
        if (info.approximate()) {
            diags.warn(Code.TRANSLATION_APPROXIMATE_FIELD, "'" + p.field().written() + "' is read as any of "
                    + String.join(", ", info.members()) + " (s1ql's reading; SentinelOne does not document it)",
                    p.field().span());
        }
        List<Expr> each = new ArrayList<>();
        for (String m : info.concreteFields()) {
            FieldInfo mi = FieldCatalog.defaults().lookup(m);
            each.add(new Predicate(new FieldRef(m, mi, p.field().span()), p.operator(), p.values(), p.span()));
        }
        return each.size() == 1 ? each.get(0) : new Or(each, p.span());
    }
}
