// Renders one lowered query to SPL for one loaded profile: the SPL dialect of the translation core. For
// event-mapping profiles (sysmon, cim) each SentinelOne EventType on each OS is one leg: the Splunk events that
// hold it (EventSelector), or missing when the profile has none; the core writes the residual condition per leg
// with SplPredicates. Legs with the same residual share one condition; the result is one search, with `| where`
// for what the search command cannot say. The s1 profile keeps SentinelOne's names: one leg, every event.
package dev.s1ql.render.spl;

import dev.s1ql.ast.Span;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.render.spl.SplCond.All;
import dev.s1ql.render.spl.SplCond.Any;
import dev.s1ql.render.spl.SplCond.Atom;
import dev.s1ql.translate.core.Combinators;
import dev.s1ql.translate.core.Cond;
import dev.s1ql.translate.core.EventClass;
import dev.s1ql.translate.core.EventUniverse;
import dev.s1ql.translate.core.LegPlan;
import dev.s1ql.translate.core.Leaf;
import dev.s1ql.translate.core.Specializer;
import dev.s1ql.translate.core.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class SplRenderer implements Combinators<SplCond> {

    /** The Splunk events of one leg: the selector, and the field sets its fields are looked up in. */
    record Leg(EventSelector selector, List<String> fieldSets, SplProfile.EventMapping mapping) {
    }

    /** Splunk events that share a residual condition. */
    private static final class Group {
        final SplCond cond;
        final List<EventSelector> selectors = new ArrayList<>();
        final List<EventClass> classes = new ArrayList<>();

        Group(SplCond cond) {
            this.cond = cond;
        }
    }

    private static final Specializer SPECIALIZER = new Specializer(EventUniverse.defaults());

    /** A SentinelOne event class the search keeps, with the Splunk events that hold it (for pipeline stages). */
    record KeptLeg(EventClass cls, EventSelector selector, List<String> fieldSets) {
        /** An eval test that an event is one of this leg's Splunk events. */
        String test() {
            return selectorAtom(selector).eval();
        }
    }

    private final SplProfile profile;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<KeptLeg> kept = new ArrayList<>();

    SplRenderer(SplProfile profile) {
        this.profile = profile;
    }

    /** The SPL text, or null when an error diagnostic was reported. */
    String render(Cond condition, Span where) {
        String text = profile.identity() ? renderIdentity(condition, where) : renderMapped(condition, where);
        return diagnostics.stream().anyMatch(Diagnostic::isError) ? null : text;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The legs the rendered search keeps (empty for the identity profile, whose one leg is every event). */
    List<KeptLeg> kept() {
        return kept;
    }

    /**
     * NOT a AND NOT b, as the core's negation normal form has it, is written NOT (a OR b) — NOT (f IN (a,b)) —
     * at the place of the first: the exclusions of a query read as one, as they were written.
     */
    @Override
    public SplCond and(List<SplCond> parts) {
        List<SplCond> negs = parts.stream().filter(p -> p instanceof SplCond.Neg).toList();
        if (negs.size() < 2) return new All(parts);
        SplCond grouped = new SplCond.Neg(new Any(inner(negs)));
        if (negs.size() == parts.size()) return grouped;
        List<SplCond> out = new ArrayList<>();
        for (SplCond p : parts) {
            if (!(p instanceof SplCond.Neg)) out.add(p);
            else if (p == negs.get(0)) out.add(grouped);
        }
        return new All(out);
    }

    @Override
    public SplCond or(List<SplCond> parts) {
        if (parts.stream().allMatch(p -> p instanceof SplCond.Neg)) return new SplCond.Neg(new All(inner(parts)));
        return new Any(parts);
    }

    private static List<SplCond> inner(List<SplCond> negations) {
        return negations.stream().map(p -> ((SplCond.Neg) p).part()).toList();
    }

    @Override
    public SplCond not(SplCond leaf) {
        return new SplCond.Neg(leaf);
    }

    private String renderIdentity(Cond condition, Span where) {
        LegPlan.Outcome<SplCond, Leg> out = LegPlan.translate(condition, List.of(LegPlan.Leg.of(EventClass.ANY,
                new Leg(EventSelector.EMPTY, List.of(), null))), (t, leg) -> identity(t), this, SPECIALIZER, where);
        diagnostics.addAll(out.diagnostics());
        List<String> base = baseSettings();
        if (!out.ok()) {
            if (!out.lost().isEmpty()) return null;
            // false on every event: a search that keeps nothing
            diagnostics.removeIf(d -> d.code() == Code.TRANSLATION_NO_TABLE);
            return SplWriter.query(base, Atom.evalOnly("false()"));
        }
        var r = out.kept().get(0).result();
        return SplWriter.query(base, r.isConstant() ? Atom.of("*", "true()") : r.value());
    }

    /** A test on the field (a legacy name's own key is not read: SentinelOne's own export has none). */
    private Leaf<SplCond> identity(Test t) {
        return SplPredicates.leaf(t, t.field(), new SplDerivation.Value(), List.of());
    }

    private String renderMapped(Cond condition, Span where) {
        EventUniverse universe = EventUniverse.defaults();
        List<LegPlan.Leg<Leg>> legs = new ArrayList<>();
        Map<EventSelector, List<EventClass>> bySelector = new LinkedHashMap<>();
        for (EventClass cls : universe.eventTypeClasses()) {
            SplProfile.EventMapping em = profile.event(cls.eventType(), cls.os());
            EventSelector base = profile.base(cls.os());
            if (em == null || base == null) {
                legs.add(LegPlan.Leg.missing(cls, new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNMAPPED_EVENT,
                        "profile " + profile.name() + " has no events for these", where, "s1".equals(profile.name())
                        ? null : "profile s1 searches SentinelOne's own events as indexed in Splunk, which hold every "
                        + "event kind (--profile s1)")));
                continue;
            }
            EventSelector selector = base.and(em.selector());
            bySelector.computeIfAbsent(selector, k -> new ArrayList<>()).add(cls);
            legs.add(LegPlan.Leg.of(cls, new Leg(selector, em.fieldSets(), em)));
        }
        LegPlan.Outcome<SplCond, Leg> out = LegPlan.translate(condition, legs, this::mapped, this, SPECIALIZER, where);
        diagnostics.addAll(out.diagnostics());
        if (!out.ok()) return null;

        Map<String, Group> groups = new LinkedHashMap<>();
        for (LegPlan.Kept<SplCond, Leg> k : out.kept()) {
            Leg leg = k.leg().payload();
            kept.add(new KeptLeg(k.leg().cls(), leg.selector(), leg.fieldSets()));
            if (!leg.mapping().exact()) {
                diagnostics.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_EVENT, "SentinelOne '" + k.leg().cls().eventType()
                        + "' events are approximated: " + leg.mapping().source(), where));
            }
            SplCond c = k.result().isConstant() ? null : k.result().value();
            String key = c == null ? "" : (SplCond.searchable(c) ? SplWriter.search(c) : "") + "\n" + SplWriter.eval(c)
                    + "\n" + SplWriter.prefilters(c);
            Group g = groups.computeIfAbsent(key, x -> new Group(c));
            g.selectors.add(leg.selector());
            g.classes.add(k.leg().cls());
        }
        sharedSelectors(groups.values(), bySelector, where);
        List<SplCond> alternatives = new ArrayList<>();
        for (Group g : groups.values()) {
            List<SplCond> sels = new ArrayList<>();
            for (EventSelector s : EventSelector.mergeAll(g.selectors)) sels.add(selectorAtom(s));
            SplCond sel = sels.size() == 1 ? sels.get(0) : new Any(sels);
            alternatives.add(g.cond == null ? sel : new All(List.of(sel, g.cond)));
        }
        List<String> base = baseSettings();
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

    /**
     * One test on the events of a leg: the field found in the leg's field sets, else unwritable (a legacy name's
     * own key is not read: Splunk's Sysmon and CIM events have none).
     */
    private Leaf<SplCond> mapped(Test t, Leg leg) {
        SplProfile.FieldMapping m = profile.field(t.field(), leg.fieldSets());
        if (m == null || !m.mapped()) {
            String what = t.info() == null ? "unknown field '" + t.field() + "'" : "'" + t.field() + "'"
                    + (t.via() != null ? " (of " + t.via() + ")" : "");
            return Leaf.unwritable(new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNMAPPED_FIELD, what
                    + " has no counterpart in profile " + profile.name(), t.fieldSpan(), null));
        }
        Leaf<SplCond> leaf = SplPredicates.leaf(t, m.target(), m.derivation(), profile.prefixes(t.field(), m.fieldSet()));
        if (m.exact() || !(leaf instanceof Leaf.Written<SplCond> w)) return leaf;
        List<Diagnostic> notes = new ArrayList<>(w.notes());
        notes.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_FIELD, "'" + t.field() + "' is approximated by '"
                + m.target() + "': " + m.source(), t.fieldSpan()));
        return Leaf.written(w.value(), notes);
    }

    /**
     * A Splunk selector that also holds SentinelOne event kinds the query excludes makes the search broader.
     */
    private void sharedSelectors(Iterable<Group> groups, Map<EventSelector, List<EventClass>> bySelector, Span where) {
        Set<String> extra = new LinkedHashSet<>();
        for (Group g : groups) {
            for (int i = 0; i < g.classes.size(); i++) {
                for (EventClass other : bySelector.getOrDefault(g.selectors.get(i), List.of())) {
                    if (!g.classes.contains(other)) extra.add(other.label());
                }
            }
        }
        if (extra.isEmpty()) return;
        List<String> l = new ArrayList<>(extra);
        String shown = l.size() <= 6 ? String.join(", ", l) : String.join(", ", l.subList(0, 5)) + " and "
                + (l.size() - 5) + " more";
        diagnostics.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_EVENT, "the Splunk events searched also hold "
                + "SentinelOne events the query excludes: " + shown, where).withDetail("eventKinds", l));
    }

    private static Atom selectorAtom(EventSelector s) {
        String search = s.search();
        if (search.isEmpty()) return Atom.of("*", "true()");
        return new Atom(search, "searchmatch(" + SplLiteral.quote(search) + ")", s.terms().size() > 1, null, null);
    }

    private List<String> baseSettings() {
        List<String> base = new ArrayList<>();
        for (String name : List.of("index", "sourcetype")) {
            String v = profile.setting(name);
            if (!v.isEmpty()) base.add(name + "=" + SplLiteral.termValue(v));
        }
        return base;
    }
}
