// ObjectType, EventType and EndpointOS are not columns of the target: each table stands for one kind of S1
// event on devices with some OS. A predicate on them is decided per table (true, false) or becomes the
// table's own condition (an ActionType list, a DeviceInfo lookup).
package dev.s1ql.render.kql;

import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.StringValue;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.EnumCatalog;
import dev.s1ql.diag.Code;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

final class EventKindConditions {

    private final KqlProfile profile;
    private final KqlProfile.Source source;
    private final LegDiagnostics diags;

    EventKindConditions(KqlProfile profile, KqlProfile.Source source, LegDiagnostics diags) {
        this.profile = profile;
        this.source = source;
        this.diags = diags;
    }

    KqlExpr objectType(Predicate p) {
        for (Map.Entry<String, String> e : profile.objectTypeKinds().entrySet()) {
            if (e.getValue().equals(source.kind()) && ConstantMatch.matches(p, e.getKey())) return KqlExpr.TRUE;
        }
        return KqlExpr.FALSE;
    }

    KqlExpr eventType(Predicate p) {
        Predicate resolved = resolveEventTypes(p);
        Set<String> actions = new LinkedHashSet<>();
        boolean wholeTable = false;
        for (KqlProfile.EventType et : profile.eventTypes()) {
            if (!et.kind().equals(source.kind()) || !ConstantMatch.matches(resolved, et.name())) continue;
            if (et.approximate()) {
                diags.add(Code.TRANSLATION_APPROXIMATE_EVENT, "EventType '" + et.name() + "' is translated to "
                        + source.table() + (et.actions().isEmpty() ? "" : " " + et.actions()) + ": " + et.note(), p.span());
            }
            if (et.actions().isEmpty()) wholeTable = true;
            actions.addAll(et.actions());
        }
        if (wholeTable) return KqlExpr.TRUE;
        if (actions.isEmpty()) return KqlExpr.FALSE;
        List<String> lits = actions.stream().map(KqlLiteral::string).toList();
        return KqlExpr.atom(lits.size() == 1 ? source.actionColumn() + " == " + lits.get(0)
                : source.actionColumn() + " in (" + String.join(", ", lits) + ")");
    }

    /** Generator misspellings (ModuleLoad) read as the official value, with a warning: S1 matches nothing. */
    private Predicate resolveEventTypes(Predicate p) {
        List<Value> values = new ArrayList<>();
        boolean changed = false;
        for (Value v : p.values()) {
            String official = profile.eventType(v.text()) == null
                    ? EnumCatalog.defaults().correctionFor("EventType", v.text()) : null;
            if (official != null) {
                diags.add(Code.TRANSLATION_APPROXIMATE_EVENT, "'" + v.text() + "' is not a SentinelOne event type"
                        + " (S1 matches nothing for it); translated as '" + official + "'", v.span());
                values.add(new StringValue(official, false, v.span()));
                changed = true;
            } else {
                values.add(v);
            }
        }
        return changed ? new Predicate(p.field(), p.operator(), values, p.span()) : p;
    }

    KqlExpr endpointOs(Predicate p) {
        // Defender's device tables have no OS column; ASIM's fallback to them uses DeviceInfo as well.
        boolean deviceTable = source.table().startsWith("Device");
        List<KqlProfile.Os> rows = new ArrayList<>();
        for (KqlProfile.Os os : profile.operatingSystems()) {
            boolean variant = os.value().endsWith("@device");
            if (variant == deviceTable || (deviceTable && noDeviceVariants())) rows.add(os);
        }
        List<KqlExpr> matched = new ArrayList<>();
        for (KqlProfile.Os os : rows) {
            String value = os.value().replace("@device", "");
            if (!ConstantMatch.matches(p, value)) continue;
            if (os.approximate()) {
                diags.add(Code.TRANSLATION_APPROXIMATE_FIELD, "EndpointOS '" + value + "' is translated to "
                        + os.condition() + ": " + os.note(), p.span());
            }
            matched.add(KqlExpr.atom(os.condition()));
        }
        if (matched.isEmpty()) return KqlExpr.FALSE;
        if (matched.size() == rows.size() && p.operator().kind() != MatchKind.EMPTY) return KqlExpr.TRUE;
        return KqlExpr.or(matched);
    }

    private boolean noDeviceVariants() {
        return profile.operatingSystems().stream().noneMatch(o -> o.value().endsWith("@device"));
    }

    /** Lower-case field names handled here rather than as columns. */
    static boolean handles(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        return f.equals("objecttype") || f.equals("eventtype") || f.equals("endpointos");
    }
}
