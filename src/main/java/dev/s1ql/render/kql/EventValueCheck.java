// Before any table is tried: an ObjectType or EventType value that the profile cannot place in any table is
// reported by name, instead of the query silently matching nothing there.
package dev.s1ql.render.kql;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.EnumCatalog;
import dev.s1ql.diag.Code;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

final class EventValueCheck {

    private EventValueCheck() {
    }

    static void check(Expr e, KqlProfile profile, LegDiagnostics diags) {
        if (e instanceof And a) a.operands().forEach(x -> check(x, profile, diags));
        else if (e instanceof Or o) o.operands().forEach(x -> check(x, profile, diags));
        else if (e instanceof Not n) check(n.operand(), profile, diags);
        else predicate((Predicate) e, profile, diags);
    }

    private static void predicate(Predicate p, KqlProfile profile, LegDiagnostics diags) {
        if (!p.field().isKnown()) return;
        MatchKind kind = p.operator().kind();
        if (kind != MatchKind.EQUALS && kind != MatchKind.IN) return;
        Set<String> kinds = profile.sources().stream().map(KqlProfile.Source::kind).collect(Collectors.toSet());
        if (p.operator().negated()) return;   // excluding an event kind never needs a table for it
        String field = p.field().resolved().name();
        boolean objectType = field.equalsIgnoreCase("ObjectType");
        if (!objectType && !field.equalsIgnoreCase("EventType")) return;
        java.util.List<Value> unmapped = new java.util.ArrayList<>();
        for (Value v : p.values()) {
            String kindOfValue;
            if (objectType) {
                kindOfValue = profile.objectTypeKinds().get(v.text().toLowerCase(Locale.ROOT));
            } else {
                KqlProfile.EventType et = profile.eventType(v.text());
                if (et == null) {
                    String official = EnumCatalog.defaults().correctionFor("EventType", v.text());
                    et = official == null ? null : profile.eventType(official);
                }
                kindOfValue = et == null ? null : et.kind();
            }
            if (kindOfValue == null || !kinds.contains(kindOfValue)) unmapped.add(v);
        }
        // Some values still have a table: the others are left out with a warning, not an error.
        Code code = unmapped.size() == p.values().size() ? Code.TRANSLATION_UNMAPPED_EVENT : Code.TRANSLATION_TABLE_DROPPED;
        for (Value v : unmapped) {
            diags.add(code, field + " '" + v.text() + "' has no table in profile " + profile.name()
                    + ": the target records no such events", v.span());
        }
    }
}
