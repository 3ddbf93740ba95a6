// Renders one parsed query to SPL for one loaded profile. For event-mapping profiles (sysmon, cim) the query is
// specialised to every kind of SentinelOne event it can match (S1EventUniverse x OS); each kind becomes the
// Splunk events that hold it (EventSelector) and the residual condition on their fields. Kinds with the same
// residual share one condition; the result is one search, with `| where` for what the search cannot say.
package dev.s1ql.render.spl;

import dev.s1ql.ast.Expr;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Query;
import dev.s1ql.diag.Code;
import dev.s1ql.render.spl.S1EventUniverse.Slot;
import dev.s1ql.render.spl.SlotFolder.Folded;
import dev.s1ql.render.spl.SplCond.All;
import dev.s1ql.render.spl.SplCond.Any;
import dev.s1ql.render.spl.SplCond.Atom;
import dev.s1ql.render.spl.SplCond.Neg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class SplRenderer {

    /** Thrown inside rendering when a field has no counterpart in the target's events of one kind. */
    static final class Unmapped extends Exception {
        final FieldRef field;

        Unmapped(FieldRef field) {
            super(null, null, false, false);
            this.field = field;
        }
    }

    /** Splunk events that share a residual condition. */
    private static final class Group {
        final SplCond cond;
        final List<EventSelector> selectors = new ArrayList<>();
        final List<Slot> slots = new ArrayList<>();

        Group(SplCond cond) {
            this.cond = cond;
        }
    }

    private final SplProfile profile;
    private final Diagnostics diags = new Diagnostics();
    private final SplPredicates predicates = new SplPredicates(diags);
    private final CoverageReport coverage;

    SplRenderer(SplProfile profile) {
        this.profile = profile;
        this.coverage = new CoverageReport(profile.name(), diags);
    }

    /** The SPL text, or null when an error diagnostic was reported. */
    String render(Query query) {
        Expr root = ShortcutExpansion.expand(query.root(), diags);
        String text = profile.identity() ? renderIdentity(root) : renderMapped(root, query);
        return diags.hasErrors() ? null : text;
    }

    List<dev.s1ql.diag.Diagnostic> diagnostics() {
        return diags.all();
    }

    private String renderIdentity(Expr root) {
        try {
            SplCond c = cond(root, List.of());
            List<String> base = new ArrayList<>();
            addSetting(base, "index");
            addSetting(base, "sourcetype");
            return SplWriter.query(base, c);
        } catch (Unmapped u) {
            throw new IllegalStateException("identity profile cannot have unmapped fields", u);
        }
    }

    private String renderMapped(Expr root, Query query) {
        S1EventUniverse universe = S1EventUniverse.defaults();
        SlotFolder folder = new SlotFolder(universe, diags);
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<EventSelector, List<Slot>> bySelector = new LinkedHashMap<>();
        Set<String> noEvents = new LinkedHashSet<>();
        Map<Slot, FieldRef> unmapped = new LinkedHashMap<>();
        for (Slot slot : universe.slots()) {
            SplProfile.EventMapping em = profile.event(slot.eventType(), slot.os());
            EventSelector base = profile.base(slot.os());
            EventSelector selector = em == null || base == null ? null : base.and(em.selector());
            if (selector != null) bySelector.computeIfAbsent(selector, k -> new ArrayList<>()).add(slot);
            Folded f = folder.fold(root, slot);
            if (f.isFalse()) continue;
            if (selector == null) {
                noEvents.add(slot.label());
                continue;
            }
            SplCond c;
            List<Unmapped> droppedFilters = new ArrayList<>();
            try {
                c = f.expr() == null ? null : topCond(f.expr(), em.fieldSets(), droppedFilters);
            } catch (Unmapped u) {
                unmapped.put(slot, u.field);
                continue;
            }
            for (Unmapped u : droppedFilters) {
                diags.warn(Code.TRANSLATION_APPROXIMATE_FIELD, "'" + u.field.written() + "' has no counterpart in "
                        + "profile " + profile.name() + " for " + slot.objectType() + " events: the exclusion it is part of is "
                        + "left out, so the search matches more than the SentinelOne query", u.field.span());
            }
            if (!em.exact()) {
                diags.warn(Code.TRANSLATION_APPROXIMATE_EVENT, "SentinelOne '" + slot.eventType() + "' events are "
                        + "approximated: " + em.source(), query.root().span());
            }
            String key = c == null ? "" : (SplCond.searchable(c) ? SplWriter.search(c) : "") + "\n" + SplWriter.eval(c)
                    + "\n" + SplWriter.prefilters(c);
            Group g = groups.computeIfAbsent(key, k -> new Group(c));
            g.selectors.add(selector);
            g.slots.add(slot);
        }
        if (groups.isEmpty()) {
            coverage.nothing(query, noEvents, unmapped);
            return null;
        }
        coverage.dropped(query, noEvents, unmapped);
        Map<Slot, List<Slot>> shares = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            for (int i = 0; i < g.slots.size(); i++) {
                shares.put(g.slots.get(i), bySelector.getOrDefault(g.selectors.get(i), List.of()));
            }
        }
        coverage.sharedSelectors(query, groups.values().stream().map(g -> g.slots).toList(), shares);
        List<SplCond> alternatives = new ArrayList<>();
        for (Group g : groups.values()) {
            List<SplCond> sels = new ArrayList<>();
            for (EventSelector s : EventSelector.mergeAll(g.selectors)) sels.add(selectorAtom(s));
            SplCond sel = sels.size() == 1 ? sels.get(0) : new Any(sels);
            alternatives.add(g.cond == null ? sel : new All(List.of(sel, g.cond)));
        }
        List<String> base = new ArrayList<>();
        addSetting(base, "index");
        addSetting(base, "sourcetype");
        SplCond whole = alternatives.size() == 1 ? alternatives.get(0) : new Any(alternatives);
        if (alternatives.size() > 1 && !SplCond.searchable(whole)) {
            // pre-select every group's events in the search, narrowed by the group's pre-filters (they add nothing
            // to the meaning); the where clause re-tests them per group
            List<SplCond> sels = new ArrayList<>();
            for (Group g : groups.values()) {
                List<SplCond.Prefilter> pre = g.cond == null ? List.of() : SplWriter.prefilters(g.cond);
                for (EventSelector s : EventSelector.mergeAll(g.selectors)) {
                    List<SplCond> parts = new ArrayList<>(List.of(selectorAtom(s)));
                    parts.addAll(pre);
                    sels.add(parts.size() == 1 ? parts.get(0) : new All(parts));
                }
            }
            base.add(SplWriter.search(new Any(sels)));
        }
        return SplWriter.query(base, whole);
    }

    private static Atom selectorAtom(EventSelector s) {
        String search = s.search();
        if (search.isEmpty()) return Atom.of("*", "true()");
        return new Atom(search, "searchmatch(" + SplLiteral.quote(search) + ")", s.terms().size() > 1, null, null);
    }

    private void addSetting(List<String> base, String name) {
        String v = profile.setting(name);
        if (!v.isEmpty()) base.add(name + "=" + SplLiteral.termValue(v));
    }

    /**
     * The residual of one event kind. A top-level exclusion (AND NOT ...) on a field the target lacks is left out,
     * which only widens the search (false-positive filters are lost, detections are not); any other unmapped
     * field makes the event kind untranslatable.
     */
    private SplCond topCond(Expr e, List<String> fieldSets, List<Unmapped> dropped) throws Unmapped {
        if (!(e instanceof dev.s1ql.ast.And and)) return cond(e, fieldSets);
        List<SplCond> parts = new ArrayList<>();
        List<Unmapped> here = new ArrayList<>();
        for (Expr o : and.operands()) {
            try {
                parts.add(cond(o, fieldSets));
            } catch (Unmapped u) {
                if (!(o instanceof Not)) throw u;
                here.add(u);
            }
        }
        if (parts.isEmpty()) throw here.get(0);
        dropped.addAll(here);
        return parts.size() == 1 ? parts.get(0) : new All(parts);
    }

    private SplCond cond(Expr e, List<String> fieldSets) throws Unmapped {
        if (e instanceof Not n) return new Neg(cond(n.operand(), fieldSets));
        if (e instanceof Predicate p) return predicate(p, fieldSets);
        List<Expr> ops = e instanceof dev.s1ql.ast.And a ? a.operands() : ((dev.s1ql.ast.Or) e).operands();
        List<SplCond> parts = new ArrayList<>();
        for (Expr o : ops) parts.add(cond(o, fieldSets));
        return e instanceof dev.s1ql.ast.And ? new All(parts) : new Any(parts);
    }

    private SplCond predicate(Predicate p, List<String> fieldSets) throws Unmapped {
        String s1 = p.field().canonicalName();
        if (profile.identity()) return predicates.render(p, s1, false, List.of());
        SplProfile.FieldMapping m = profile.field(s1, fieldSets);
        if (m == null || !m.mapped()) throw new Unmapped(p.field());
        if (!m.exact()) {
            diags.warn(Code.TRANSLATION_APPROXIMATE_FIELD, "'" + s1 + "' is approximated by '" + m.target() + "': "
                    + m.source(), p.field().span());
        }
        return predicates.render(p, m.target(), m.lastSegment(), profile.prefixes(s1, m.fieldSet()));
    }
}
