// Turns what the legs of one translation kept and lost into diagnostics, once each: when nothing is kept, the
// reasons as errors; otherwise warnings that name every lost part and the event kinds it was lost for (all of them
// in the diagnostic's details, a readable few in its message), and the kept legs' own notes. The members of one
// shortcut (CmdLine, IP, ...) that a target lacks are reported together, as the shortcut searched in fewer fields.
package dev.s1ql.translate.core;

import dev.s1ql.ast.Span;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class LossReport {

    /** Losses with the same cause, and the event kinds they happened for. */
    private static final class Group {
        final Diagnostic reason;
        final String via;
        final Set<String> fields = new LinkedHashSet<>();
        final Set<String> labels = new LinkedHashSet<>();

        Group(Diagnostic reason, String via) {
            this.reason = reason;
            this.via = via;
        }

        /** The cause in words: the target's reason, or for a shortcut's members the shortcut searched in fewer fields. */
        String cause() {
            if (via == null) return reason.message();
            List<String> q = fields.stream().map(f -> "'" + f + "'").toList();
            return "'" + via + "' is searched in fewer fields than in SentinelOne: " + list(q)
                    + (q.size() == 1 ? " has" : " have") + " no counterpart in the target";
        }

        Diagnostic withKinds(Diagnostic d) {
            Diagnostic out = d.withDetail("eventKinds", List.copyOf(labels));
            return fields.isEmpty() ? out : out.withDetail("fields", List.copyOf(fields));
        }
    }

    private LossReport() {
    }

    static <T, L> List<Diagnostic> report(List<LegPlan.Kept<T, L>> kept, List<LegPlan.Lost<L>> lost, Span where) {
        Map<String, Diagnostic> out = new LinkedHashMap<>();
        Map<String, Group> lostGroups = new LinkedHashMap<>();
        for (LegPlan.Lost<L> l : lost) for (Loss loss : l.losses()) group(lostGroups, loss, l.leg().cls().label());
        if (kept.isEmpty()) {
            if (lost.isEmpty()) {
                add(out, Diagnostic.of(Code.TRANSLATION_NO_TABLE, "no SentinelOne event can match this query: its "
                        + "condition is false for every kind of event (EventType, ObjectType and EndpointOS tests that "
                        + "exclude each other, or an invalid regular expression, which never matches)", where));
            }
            for (Group g : lostGroups.values()) {
                Diagnostic r = g.reason;
                add(out, g.withKinds(new Diagnostic(Severity.ERROR, r.code(), g.cause() + forKinds(g.labels), r.span(),
                        r.hint())));
            }
            return List.copyOf(out.values());
        }
        for (LegPlan.Kept<T, L> k : kept) for (Diagnostic d : k.result().notes()) add(out, d);
        for (Group g : lostGroups.values()) {
            add(out, g.withKinds(Diagnostic.of(Code.TRANSLATION_TABLE_DROPPED, "SentinelOne " + kinds(g.labels)
                    + " are not searched: " + g.cause(), g.reason.span(), g.reason.hint())));
        }
        for (boolean widened : new boolean[] {false, true}) {
            Map<String, Group> groups = new LinkedHashMap<>();
            for (LegPlan.Kept<T, L> k : kept) {
                for (Loss l : k.result().losses()) if (l.widened() == widened) group(groups, l, k.leg().cls().label());
            }
            for (Group g : groups.values()) {
                String scope = g.labels.equals(Set.of("")) ? "" : " for " + kinds(g.labels);
                String message = widened
                        ? g.cause() + ": the exclusion is left out" + scope + ", so the output matches more"
                        : g.cause() + ": the part of the query that needs it is left out" + scope
                        + " (its other OR branches are kept)";
                add(out, g.withKinds(Diagnostic.of(widened ? Code.TRANSLATION_EXCLUSION_DROPPED
                        : Code.TRANSLATION_BRANCH_DROPPED, message, g.reason.span(), g.reason.hint())));
            }
        }
        return List.copyOf(out.values());
    }

    private static void group(Map<String, Group> groups, Loss loss, String label) {
        Diagnostic r = loss.reason();
        String via = loss.test() != null && loss.test().via() != null && r.code() == Code.TRANSLATION_UNMAPPED_FIELD
                ? loss.test().via() : null;
        // the same cause at several places (a field used twenty times) is one diagnostic, at its first place
        String key = via != null ? "via\u0000" + via : r.code().id() + "\u0000" + r.message();
        Group g = groups.computeIfAbsent(key, k -> new Group(via != null
                ? new Diagnostic(r.severity(), r.code(), r.message(), loss.test().fieldSpan(), r.hint()) : r, via));
        if (via != null) g.fields.add(loss.test().field());
        g.labels.add(label);
    }

    private static String key(Diagnostic d) {
        return d.code().id() + "\u0000" + d.span().start() + "\u0000" + d.message();
    }

    private static void add(Map<String, Diagnostic> out, Diagnostic d) {
        out.putIfAbsent(key(d), d);
    }

    private static String forKinds(Set<String> labels) {
        return labels.isEmpty() || labels.equals(Set.of("")) ? "" : " (for SentinelOne " + kinds(labels) + ")";
    }

    /** "registry events", "file, registry and url events", "Process Creation (windows), ... and 12 more events". */
    static String kinds(Set<String> labels) {
        List<String> l = new ArrayList<>(labels);
        String shown;
        if (l.size() <= 6) shown = list(l);
        else shown = String.join(", ", l.subList(0, 5)) + " and " + (l.size() - 5) + " more";
        return shown + " events";
    }

    private static String list(List<String> l) {
        if (l.size() == 1) return l.get(0);
        return String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
    }
}
