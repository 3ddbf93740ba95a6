// EventType and EndpointOS are not columns of the target: each table stands for one kind of S1 event on devices
// with some OS. A test on them is decided for the table (true, false), becomes the table's own condition (an
// ActionType list, a DeviceInfo lookup), or cannot be written when it needs SentinelOne event types the table
// does not hold.
package dev.s1ql.render.kql;

import dev.s1ql.ast.MatchKind;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.translate.core.ConstantTest;
import dev.s1ql.translate.core.EventUniverse;
import dev.s1ql.translate.core.Leaf;
import dev.s1ql.translate.core.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

final class EventKindConditions {

    private final KqlProfile profile;
    private final KqlProfile.Source source;

    EventKindConditions(KqlProfile profile, KqlProfile.Source source) {
        this.profile = profile;
        this.source = source;
    }

    /**
     * The SentinelOne event types of this table's kind the test holds for, as the table's action values: all of
     * them is true, none false; a held type the table has no action for makes the test unwritable here.
     */
    Leaf<KqlExpr> eventType(Test t) {
        List<String> ofKind = EventUniverse.defaults().eventTypesOf(source.kind());
        List<String> held = ofKind.stream().filter(et -> ConstantTest.holds(t, et)).toList();
        if (held.isEmpty()) return Leaf.decided(false);
        List<Diagnostic> notes = new ArrayList<>();
        Set<String> actions = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        boolean wholeTable = false;
        for (String et : held) {
            KqlProfile.EventType row = profile.eventType(et, source.kind());
            if (row == null) {
                missing.add(et);
                continue;
            }
            if (row.approximate()) {
                notes.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_EVENT, "EventType '" + row.name()
                        + "' is translated to " + source.table() + (row.actions().isEmpty() ? "" : " " + row.actions())
                        + ": " + row.note(), t.span()));
            }
            if (row.actions().isEmpty()) wholeTable = true;
            actions.addAll(row.actions());
        }
        if (!missing.isEmpty() && missing.size() == held.size()) {
            return Leaf.unwritable(new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNMAPPED_EVENT, "EventType "
                    + quoted(missing) + " has no counterpart in " + source.table() + " (profile " + profile.name()
                    + "): the target records no such events", t.span(), null));
        }
        if (!missing.isEmpty()) {
            notes.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_EVENT, "the test also holds for SentinelOne "
                    + quoted(missing) + " events, which " + source.table() + " does not record: they are not searched",
                    t.span()));
        }
        if (wholeTable) return new Leaf.Decided<>(true, notes);
        List<String> lits = actions.stream().map(KqlLiteral::string).toList();
        return Leaf.written(KqlExpr.atom(lits.size() == 1 ? source.actionColumn() + " == " + lits.get(0)
                : source.actionColumn() + " in (" + String.join(", ", lits) + ")"), notes);
    }

    Leaf<KqlExpr> endpointOs(Test t) {
        // Defender's device tables have no OS column; ASIM's fallback to them uses DeviceInfo as well.
        boolean deviceTable = source.table().startsWith("Device");
        List<KqlProfile.Os> rows = new ArrayList<>();
        for (KqlProfile.Os os : profile.operatingSystems()) {
            boolean variant = os.value().endsWith("@device");
            if (variant == deviceTable || (deviceTable && noDeviceVariants())) rows.add(os);
        }
        List<KqlExpr> matched = new ArrayList<>();
        List<Diagnostic> notes = new ArrayList<>();
        for (KqlProfile.Os os : rows) {
            String value = os.value().replace("@device", "");
            if (!ConstantTest.holds(t, value)) continue;
            if (os.approximate()) {
                notes.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_FIELD, "EndpointOS '" + value + "' is translated to "
                        + os.condition() + ": " + os.note(), t.span()));
            }
            matched.add(KqlExpr.atom(os.condition()));
        }
        if (matched.isEmpty()) return Leaf.decided(false);
        if (matched.size() == rows.size() && t.kind() != MatchKind.EMPTY) return new Leaf.Decided<>(true, notes);
        return Leaf.written(KqlExpr.or(matched), notes);
    }

    private boolean noDeviceVariants() {
        return profile.operatingSystems().stream().noneMatch(o -> o.value().endsWith("@device"));
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
