// Writes the whole S1QL expression as the condition of one table: each predicate becomes a column condition,
// a constant (the table's events do not carry the field, or the predicate is about the event kind), or
// "unexpressible" (the table has no column for a field its events carry).
package dev.s1ql.render.kql;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import dev.s1ql.diag.Code;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

final class TableCondition {

    private final KqlProfile profile;
    private final KqlProfile.Source source;
    private final LegDiagnostics diags = new LegDiagnostics();
    private final PredicateRenderer renderer;
    private final EventKindConditions eventKinds;
    /** Conditions that say which events (action, device OS) rather than what about them: printed first. */
    private final java.util.Set<KqlExpr> eventConditions = new java.util.HashSet<>();
    /** Computed columns used, by alias, in first-use order: they are added with extend. */
    private final Map<String, String> computed = new LinkedHashMap<>();

    TableCondition(KqlProfile profile, KqlProfile.Source source) {
        this.profile = profile;
        this.source = source;
        this.renderer = new PredicateRenderer(profile, diags);
        this.eventKinds = new EventKindConditions(profile, source, diags);
    }

    KqlExpr build(Expr e) {
        if (e instanceof And and) return KqlExpr.and(and.operands().stream().map(this::build).toList());
        if (e instanceof Or or) return KqlExpr.or(or.operands().stream().map(this::build).toList());
        if (e instanceof Not not) return KqlExpr.not(build(not.operand()));
        return predicate((Predicate) e);
    }

    String sourceKind() {
        return source.kind();
    }

    java.util.Set<KqlExpr> eventConditions() {
        return eventConditions;
    }

    LegDiagnostics diagnostics() {
        return diags;
    }

    Map<String, String> computedColumns() {
        return computed;
    }

    private KqlExpr predicate(Predicate p) {
        FieldInfo info = p.field().resolved();
        if (info == null) {
            // A field s1ql's catalog does not know yet may still be in the profile or a user's --mapping.
            if (profile.columnsByField().containsKey(p.field().written().toLowerCase(Locale.ROOT))) {
                return member(p, p.field().written());
            }
            return PredicateRenderer.unexpressible(Code.TRANSLATION_UNMAPPED_FIELD, "unknown field '"
                    + p.field().written() + "' has no column in profile " + profile.name(), p);
        }
        List<String> members = info.concreteFields();
        if (info.kind() != FieldKind.FIELD && info.approximate() && members.size() > 0) {
            diags.add(Code.TRANSLATION_APPROXIMATE_FIELD, info.kind().name().toLowerCase(Locale.ROOT) + " field "
                    + info.name() + " is read as any of " + String.join(", ", members)
                    + " (s1ql's reading; SentinelOne does not document it)", p.field().span());
        }
        if (members.isEmpty()) {
            return PredicateRenderer.unexpressible(Code.TRANSLATION_UNMAPPED_FIELD, "legacy field '"
                    + info.name() + "' has no known current field, so no column", p);
        }
        List<KqlExpr> each = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String m : members) {
            KqlExpr e = member(p, m);
            // A shortcut matches when any member does: a member without a column can be left out (fewer
            // matches, said in a warning) as long as some member remains.
            if (members.size() > 1 && e instanceof KqlExpr.Unexpressible) leftOut.add(m);
            else each.add(e);
        }
        if (each.isEmpty()) {
            return PredicateRenderer.unexpressible(Code.TRANSLATION_UNMAPPED_FIELD, "none of the fields of "
                    + info.name() + " (" + String.join(", ", members) + ") has a column in " + source.table(), p);
        }
        if (!leftOut.isEmpty()) {
            diags.add(Code.TRANSLATION_APPROXIMATE_FIELD, info.name() + " is searched in fewer fields than in S1: "
                    + String.join(", ", leftOut) + " have no column in " + source.table(), p.field().span());
        }
        return KqlExpr.or(each);
    }

    private KqlExpr event(KqlExpr e) {
        eventConditions.add(e);
        return e;
    }

    private KqlExpr member(Predicate p, String field) {
        switch (field.toLowerCase(Locale.ROOT)) {
            case "objecttype": return event(eventKinds.objectType(p));
            case "eventtype": return event(eventKinds.eventType(p));
            case "endpointos": return event(eventKinds.endpointOs(p));
            default: break;
        }
        if (!profile.carriers().carries(field, source.kind())) {
            // S1QL 1.0: every predicate on a missing field is false, except IS EMPTY.
            boolean isEmpty = p.operator().kind() == MatchKind.EMPTY && !p.operator().negated();
            return isEmpty ? KqlExpr.TRUE : KqlExpr.FALSE;
        }
        KqlProfile.Column col = profile.column(field, source.kind());
        if (col == null) {
            return PredicateRenderer.unexpressible(Code.TRANSLATION_UNMAPPED_FIELD, field + " has no column in "
                    + source.table() + " (profile " + profile.name() + ")", p);
        }
        if (!col.alias().isEmpty()) computed.putIfAbsent(col.alias(), col.column());
        FieldInfo info = FieldCatalog.defaults().lookup(field);
        return renderer.render(p, field, col, info != null && info.isEnum());
    }
}
