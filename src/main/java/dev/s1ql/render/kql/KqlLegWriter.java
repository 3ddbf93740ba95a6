// The KQL dialect for one table: writes each lowered test as a condition on the table's column for the field
// (PredicateRenderer), as the table's own action or device-OS condition (EventKindConditions), or says it cannot;
// and remembers the computed columns the conditions use and which conditions are about the kind of event.
package dev.s1ql.render.kql;

import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.translate.core.Combinators;
import dev.s1ql.translate.core.Leaf;
import dev.s1ql.translate.core.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class KqlLegWriter implements Combinators<KqlExpr> {

    private final KqlProfile profile;
    private final KqlProfile.Source source;
    private final PredicateRenderer renderer;
    private final EventKindConditions eventKinds;
    /** Conditions that say which events (action, device OS) rather than what about them: printed first. */
    private final Set<KqlExpr> eventConditions = new HashSet<>();
    /** Computed columns used, by alias, in first-use order: they are added with extend. */
    private final Map<String, String> computed = new LinkedHashMap<>();

    KqlLegWriter(KqlProfile profile, KqlProfile.Source source) {
        this.profile = profile;
        this.source = source;
        this.renderer = new PredicateRenderer(profile);
        this.eventKinds = new EventKindConditions(profile, source);
    }

    KqlProfile.Source source() {
        return source;
    }

    Set<KqlExpr> eventConditions() {
        return eventConditions;
    }

    Map<String, String> computedColumns() {
        return computed;
    }

    @Override
    public KqlExpr and(List<KqlExpr> parts) {
        return KqlExpr.and(parts);
    }

    @Override
    public KqlExpr or(List<KqlExpr> parts) {
        return KqlExpr.or(parts);
    }

    @Override
    public KqlExpr not(KqlExpr leaf) {
        return KqlExpr.not(leaf);
    }

    /** A test on its field's column (a legacy name's own key is not read: Defender and ASIM tables have none). */
    Leaf<KqlExpr> leaf(Test t) {
        Leaf<KqlExpr> kind = switch (t.lowerField()) {
            case "eventtype" -> eventKinds.eventType(t);
            case "endpointos" -> eventKinds.endpointOs(t);
            default -> null;
        };
        if (kind != null) {
            if (kind instanceof Leaf.Written<KqlExpr> w) eventConditions.add(w.value());
            return kind;
        }
        KqlProfile.Column col = profile.column(t.field(), source.kind());
        if (col == null) {
            String why = t.info() == null
                    ? "unknown field '" + t.field() + "' has no column in profile " + profile.name()
                    : t.info().members().isEmpty() && t.info().kind() != dev.s1ql.catalog.FieldKind.FIELD
                    ? "legacy field '" + t.field() + "' has no known current field, so no column"
                    : "'" + t.field() + "'" + (t.via() != null ? " (of " + t.via() + ")" : "") + " has no column in "
                    + source.table() + " (profile " + profile.name() + ")";
            return Leaf.unwritable(new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNMAPPED_FIELD, why,
                    t.fieldSpan(), null));
        }
        if (!col.alias().isEmpty()) computed.putIfAbsent(col.alias(), col.column());
        return renderer.render(t, col);
    }
}
