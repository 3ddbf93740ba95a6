// Diagnostics about which SentinelOne event kinds a translation covers: none (an error saying why), some left
// out (the target has no such events, or lacks a field), or Splunk events that also hold kinds the query
// excludes (the search is broader).
package dev.s1ql.render.spl;

import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.Query;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.render.spl.S1EventUniverse.Slot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class CoverageReport {

    private final String profile;
    private final Diagnostics diags;

    CoverageReport(String profile, Diagnostics diags) {
        this.profile = profile;
        this.diags = diags;
    }

    /** No event kind could be translated: the error names the first reason that applies. */
    void nothing(Query q, Set<String> noEvents, Map<Slot, FieldRef> unmapped) {
        if (!unmapped.isEmpty()) {
            Map<FieldRef, Set<String>> byField = new LinkedHashMap<>();
            unmapped.forEach((slot, f) -> byField.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(slot.label()));
            byField.forEach((f, slots) -> diags.error(Code.TRANSLATION_UNMAPPED_FIELD, "'" + f.written()
                    + "' has no counterpart in profile " + profile + " for " + shortList(slots), f.span()));
        } else if (!noEvents.isEmpty()) {
            String hint = "s1".equals(profile) ? null : "profile s1 searches SentinelOne's own events as indexed in "
                    + "Splunk, which hold every event kind (--profile s1)";
            diags.add(Diagnostic.of(Code.TRANSLATION_UNMAPPED_EVENT, "profile " + profile
                    + " has no events for " + shortList(noEvents), q.root().span(), hint)
                    .withSeverity(Severity.ERROR));
        } else {
            diags.error(Code.TRANSLATION_NO_TABLE, "no SentinelOne event can match this query (its EventType, "
                    + "ObjectType and EndpointOS conditions exclude each other)", q.root().span());
        }
    }

    /** Some event kinds the query can match are not searched. */
    void dropped(Query q, Set<String> noEvents, Map<Slot, FieldRef> unmapped) {
        Set<String> dropped = new LinkedHashSet<>(noEvents);
        unmapped.forEach((slot, f) -> dropped.add(slot.label() + " ('" + f.written() + "' has no counterpart)"));
        if (dropped.isEmpty()) return;
        diags.warn(Code.TRANSLATION_TABLE_DROPPED, "the query can also match SentinelOne events that profile "
                + profile + " cannot search; left out: " + shortList(dropped), q.root().span());
    }

    /**
     * A Splunk selector that also holds SentinelOne event kinds the query excludes makes the search broader.
     *
     * @param groups the event kinds rendered with one shared condition, per condition
     * @param shares for each rendered kind, every kind whose Splunk selector is the same
     */
    void sharedSelectors(Query q, List<List<Slot>> groups, Map<Slot, List<Slot>> shares) {
        Set<String> extra = new LinkedHashSet<>();
        for (List<Slot> group : groups) {
            for (Slot slot : group) {
                for (Slot other : shares.getOrDefault(slot, List.of())) {
                    if (!group.contains(other)) extra.add(other.label());
                }
            }
        }
        if (extra.isEmpty()) return;
        diags.warn(Code.TRANSLATION_APPROXIMATE_EVENT, "the Splunk events searched also hold SentinelOne events "
                + "the query excludes: " + shortList(extra), q.root().span());
    }

    static String shortList(Set<String> items) {
        List<String> l = new ArrayList<>(items);
        if (l.size() <= 6) return String.join(", ", l);
        return String.join(", ", l.subList(0, 5)) + " and " + (l.size() - 5) + " more";
    }
}
