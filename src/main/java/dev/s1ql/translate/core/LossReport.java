// Turns what the legs of one translation kept and lost into diagnostics, once each: when nothing is kept, the
// reasons as errors; otherwise the warnings that name every lost part and the event kinds it was lost for
// (all of them in the diagnostic's details, a readable few in its message), and the kept legs' own notes.
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

    private LossReport() {
    }

    static <T, L> List<Diagnostic> report(List<LegPlan.Kept<T, L>> kept, List<LegPlan.Lost<L>> lost, Span where) {
        Map<String, Diagnostic> out = new LinkedHashMap<>();
        if (kept.isEmpty()) {
            if (lost.isEmpty()) {
                add(out, Diagnostic.of(Code.TRANSLATION_NO_TABLE, "no SentinelOne event can match this query (its "
                        + "EventType, ObjectType and EndpointOS conditions exclude each other)", where));
            }
            for (Map.Entry<Diagnostic, Set<String>> e : byReason(lostLosses(lost)).entrySet()) {
                Diagnostic r = e.getKey();
                add(out, new Diagnostic(Severity.ERROR, r.code(), r.message() + forKinds(e.getValue()), r.span(),
                        r.hint()).withDetail("eventKinds", List.copyOf(e.getValue())));
            }
            return List.copyOf(out.values());
        }
        for (LegPlan.Kept<T, L> k : kept) for (Diagnostic d : k.result().notes()) add(out, d);
        for (Map.Entry<Diagnostic, Set<String>> e : byReason(lostLosses(lost)).entrySet()) {
            Diagnostic r = e.getKey();
            add(out, Diagnostic.of(Code.TRANSLATION_TABLE_DROPPED, "SentinelOne " + kinds(e.getValue())
                    + " are not searched: " + r.message(), r.span(), r.hint())
                    .withDetail("eventKinds", List.copyOf(e.getValue())));
        }
        List<LegLoss> inKept = new ArrayList<>();
        for (LegPlan.Kept<T, L> k : kept) {
            for (Loss l : k.result().losses()) inKept.add(new LegLoss(k.leg().cls(), l));
        }
        for (boolean widened : new boolean[] {false, true}) {
            Map<String, Diagnostic> first = new LinkedHashMap<>();
            Map<String, Set<String>> labels = new LinkedHashMap<>();
            for (LegLoss ll : inKept) {
                if (ll.loss().widened() != widened) continue;
                String key = key(ll.loss().reason());
                first.putIfAbsent(key, ll.loss().reason());
                labels.computeIfAbsent(key, x -> new LinkedHashSet<>()).add(ll.cls().label());
            }
            for (Map.Entry<String, Diagnostic> e : first.entrySet()) {
                Diagnostic r = e.getValue();
                Set<String> ks = labels.get(e.getKey());
                String scope = ks.equals(Set.of("")) ? "" : " for " + kinds(ks);
                String message = widened
                        ? r.message() + ": the exclusion is left out" + scope + ", so the output matches more"
                        : r.message() + ": the part of the query that needs it is left out" + scope
                        + " (its other OR branches are kept)";
                add(out, Diagnostic.of(widened ? Code.TRANSLATION_EXCLUSION_DROPPED : Code.TRANSLATION_BRANCH_DROPPED,
                        message, r.span(), r.hint()).withDetail("eventKinds", List.copyOf(ks)));
            }
        }
        return List.copyOf(out.values());
    }

    private record LegLoss(EventClass cls, Loss loss) {
    }

    private static <L> List<Map.Entry<Loss, String>> lostLosses(List<LegPlan.Lost<L>> lost) {
        List<Map.Entry<Loss, String>> out = new ArrayList<>();
        for (LegPlan.Lost<L> l : lost) for (Loss loss : l.losses()) out.add(Map.entry(loss, l.leg().cls().label()));
        return out;
    }

    private static Map<Diagnostic, Set<String>> byReason(List<Map.Entry<Loss, String>> losses) {
        Map<String, Diagnostic> first = new LinkedHashMap<>();
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        for (Map.Entry<Loss, String> e : losses) {
            String key = key(e.getKey().reason());
            first.putIfAbsent(key, e.getKey().reason());
            labels.computeIfAbsent(key, x -> new LinkedHashSet<>()).add(e.getValue());
        }
        Map<Diagnostic, Set<String>> out = new LinkedHashMap<>();
        first.forEach((k, d) -> out.put(d, labels.get(k)));
        return out;
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
        if (l.size() == 1) shown = l.get(0);
        else if (l.size() <= 6) shown = String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
        else shown = String.join(", ", l.subList(0, 5)) + " and " + (l.size() - 5) + " more";
        return shown + " events";
    }
}
