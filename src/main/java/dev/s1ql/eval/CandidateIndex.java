// Picks, for each event, the few rules worth evaluating: by required EventType/ObjectType, then by substrings.
package dev.s1ql.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two filters, both exact (they only drop rules that would evaluate false):
 * <ol>
 * <li><b>Event type.</b> A rule whose top-level AND requires an EventType (preferred) or ObjectType value is
 * filed under that value (see {@link RuleIndex#requirementOf}); an event meets only its own type's group and
 * the group of rules without such a requirement.</li>
 * <li><b>Substrings.</b> Within a group, a rule with "triggers" — substrings one of which must occur for it to
 * hold (from its contains/starts/ends leaves; see {@link #triggersOf}) — becomes a candidate only when the
 * field's shared automaton finds one of them in the event. Rules without triggers are always candidates.</li>
 * </ol>
 * The work per event is one automaton pass per field the group's triggers use, plus the rules actually
 * triggered — not a loop over the hundreds of rules filed under a common type such as registry events.
 */
final class CandidateIndex {

    /** The rules of one event type (or of no type), with their trigger tables. */
    private static final class Group {
        int[] always = new int[0];
        SubstringIndex[] indexes = new SubstringIndex[0];
        int[][][] rulesByPattern = new int[0][][]; // local index -> pattern -> rules

        void build(List<Integer> rules, List<Map<SubstringIndex, Set<Integer>>> triggers) {
            List<Integer> alwaysList = new ArrayList<>();
            Map<SubstringIndex, Map<Integer, List<Integer>>> byIndex = new LinkedHashMap<>();
            for (int r : rules) {
                Map<SubstringIndex, Set<Integer>> t = triggers.get(r);
                if (t == null) {
                    alwaysList.add(r);
                    continue;
                }
                t.forEach((index, patterns) -> {
                    Map<Integer, List<Integer>> m = byIndex.computeIfAbsent(index, k -> new HashMap<>());
                    for (int p : patterns) m.computeIfAbsent(p, k -> new ArrayList<>()).add(r);
                });
            }
            always = alwaysList.stream().mapToInt(Integer::intValue).toArray();
            indexes = byIndex.keySet().toArray(new SubstringIndex[0]);
            rulesByPattern = new int[indexes.length][][];
            for (int i = 0; i < indexes.length; i++) {
                rulesByPattern[i] = new int[indexes[i].size()][];
                for (var e : byIndex.get(indexes[i]).entrySet()) {
                    rulesByPattern[i][e.getKey()] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                }
            }
        }
    }

    private static final class Bucket {
        final int slot;
        final boolean folded;
        final Map<String, Group> groups = new HashMap<>();
        // Events come in runs of one type: remembering the last raw value skips folding and hashing.
        String lastValue;
        Group lastGroup;

        Group lookup(EventView event) {
            String raw = event.value(slot);
            if (raw == null) return null;
            if (raw.equals(lastValue)) return lastGroup;
            Group g = groups.get(folded ? event.folded(slot) : raw);
            lastValue = raw;
            lastGroup = g;
            return g;
        }

        Bucket(int slot, boolean folded) {
            this.slot = slot;
            this.folded = folded;
        }
    }

    private final List<Bucket> buckets = new ArrayList<>();
    private final Group untyped = new Group();
    private final long[] added;
    private int[] candidates = new int[64];
    private int count;
    private long stamp;

    CandidateIndex(List<CompiledQuery> rules) {
        List<Map<SubstringIndex, Set<Integer>>> triggers = new ArrayList<>();
        for (CompiledQuery q : rules) triggers.add(triggersOf(q.root()));
        Map<Group, List<Integer>> members = new IdentityHashMap<>();
        List<Integer> untypedRules = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            CompiledQuery.Requirement req = rules.get(r).requirement();
            if (req == null) {
                untypedRules.add(r);
                continue;
            }
            Bucket b = bucket(req.slot(), req.folded());
            for (String v : new LinkedHashSet<>(req.values())) {
                Group g = b.groups.computeIfAbsent(v, k -> new Group());
                members.computeIfAbsent(g, k -> new ArrayList<>()).add(r);
            }
        }
        members.forEach((g, rs) -> g.build(rs, triggers));
        untyped.build(untypedRules, triggers);
        added = new long[rules.size()];
    }

    private Bucket bucket(int slot, boolean folded) {
        for (Bucket b : buckets) if (b.slot == slot && b.folded == folded) return b;
        Bucket b = new Bucket(slot, folded);
        buckets.add(b);
        return b;
    }

    /** Collects the candidate rules for the current event, ascending; read them with {@link #candidates()}. */
    int select(EventView event) {
        stamp = event.stamp();
        count = 0;
        for (Bucket b : buckets) {
            Group g = b.lookup(event);
            if (g != null) collect(g, event);
        }
        collect(untyped, event);
        if (count > 1) Arrays.sort(candidates, 0, count);
        return count;
    }

    int[] candidates() {
        return candidates;
    }

    private void collect(Group g, EventView event) {
        for (int r : g.always) add(r);
        for (int i = 0; i < g.indexes.length; i++) {
            SubstringIndex index = g.indexes[i];
            if (event.value(index.slot) == null) continue;
            int n = index.hits(event);
            int[] hits = index.hitList();
            int[][] byPattern = g.rulesByPattern[i];
            for (int h = 0; h < n; h++) {
                int[] rs = byPattern[hits[h]];
                if (rs != null) for (int r : rs) add(r);
            }
        }
    }

    private void add(int rule) {
        if (added[rule] == stamp) return;
        added[rule] = stamp;
        if (count == candidates.length) candidates = Arrays.copyOf(candidates, count * 2);
        candidates[count++] = rule;
    }

    /**
     * The triggers of a matcher, or null when it may hold without any substring present: a non-negated
     * contains/starts/ends leaf gives its operands; an AND the most selective set among its operands; an OR the
     * union when every branch has one; NOT and other leaves none.
     */
    static Map<SubstringIndex, Set<Integer>> triggersOf(Matcher m) {
        if (m instanceof SubstringLeaf s) {
            if (s.negated || s.hasEmpty || s.patterns.length == 0) return null;
            Map<SubstringIndex, Set<Integer>> t = new LinkedHashMap<>();
            Set<Integer> ps = new LinkedHashSet<>();
            for (int p : s.patterns) ps.add(p);
            t.put(s.index, ps);
            return t;
        }
        if (m instanceof AllOf a) {
            Map<SubstringIndex, Set<Integer>> best = null;
            for (Matcher op : a.operands()) {
                Map<SubstringIndex, Set<Integer>> t = triggersOf(op);
                if (t != null && (best == null || better(t, best))) best = t;
            }
            return best;
        }
        if (m instanceof AnySubstring s) return triggersOf(new AnyOf(s.leaves));
        if (m instanceof AnyOf o) {
            Map<SubstringIndex, Set<Integer>> union = new LinkedHashMap<>();
            for (Matcher op : o.operands()) {
                Map<SubstringIndex, Set<Integer>> t = triggersOf(op);
                if (t == null) return null;
                t.forEach((k, v) -> union.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
            }
            return union;
        }
        return null;
    }

    /**
     * Whether trigger set {@code a} is likely to fire less often than {@code b}: very short substrings ("\\",
     * " -") occur in nearly every value, so the set whose shortest substring is longer wins; then the smaller.
     */
    private static boolean better(Map<SubstringIndex, Set<Integer>> a, Map<SubstringIndex, Set<Integer>> b) {
        int la = Math.min(shortest(a), 6);
        int lb = Math.min(shortest(b), 6);
        if (la != lb) return la > lb;
        return size(a) < size(b);
    }

    private static int shortest(Map<SubstringIndex, Set<Integer>> t) {
        int min = Integer.MAX_VALUE;
        for (var e : t.entrySet()) for (int p : e.getValue()) min = Math.min(min, e.getKey().length(p));
        return min;
    }

    private static int size(Map<SubstringIndex, Set<Integer>> t) {
        int n = 0;
        for (Set<Integer> s : t.values()) n += s.size();
        return n;
    }
}
