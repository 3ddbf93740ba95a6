// Value prefixes that SentinelOne and a target spell differently (registry hives: MACHINE\ vs HKEY_LOCAL_MACHINE\),
// rewritten by one rule for every target: where the value is anchored at the start of the field (=, In,
// StartsWith) the rewrite is exact unless the target's row says it is not; where it is not anchored (Contains,
// EndsWith, ...) a value that starts with the prefix is still rewritten, with a warning that it may not apply.
package dev.s1ql.translate.core;

import dev.s1ql.ast.MatchKind;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public final class PrefixRewrite {

    /** One prefix: as SentinelOne writes it, as the target does, and whether the two surely mean the same. */
    public record Root(String s1, String target, boolean exact, String note) {
    }

    private PrefixRewrite() {
    }

    /** The operand texts with the first matching root rewritten; notes say what was done. */
    public static List<String> apply(Test t, List<Root> roots, List<Diagnostic> notes) {
        List<String> out = new ArrayList<>();
        boolean anchored = t.kind() == MatchKind.EQUALS || t.kind() == MatchKind.IN || t.kind() == MatchKind.STARTS_WITH;
        for (Operand o : t.operands()) {
            String v = o.text();
            String rewritten = v;
            for (Root r : roots) {
                if (!v.toLowerCase(Locale.ROOT).startsWith(r.s1().toLowerCase(Locale.ROOT))) continue;
                rewritten = r.target() + v.substring(r.s1().length());
                String what = "'" + v + "' is written '" + rewritten + "' in the target";
                if (anchored && r.exact()) {
                    notes.add(Diagnostic.of(Code.TRANSLATION_VALUE_TRANSFORMED, what
                            + (r.note().isEmpty() ? "" : " (" + r.note() + ")"), o.span()));
                } else {
                    notes.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_VALUE, what + "; " + (anchored
                            ? "the target's spelling of " + r.s1() + " is not certain" + (r.note().isEmpty() ? "" : " (" + r.note() + ")")
                            : "the value is not anchored at the start of the path, so the rewrite may not apply"), o.span()));
                }
                break;
            }
            out.add(rewritten);
        }
        return out;
    }
}
