// Skips rules none of whose required substrings occur in the event, using the shared automata's hits.
package dev.s1ql.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For each rule, a set of (field, substring) "triggers" such that the rule cannot hold unless one of them occurs:
 * a non-negated contains/starts/ends leaf gives its operands; an AND gives the smallest set among its operands;
 * an OR gives the union when every branch has one; NOT and other leaves give none (the rule is always tried).
 * At evaluation, one automaton pass per field finds the substrings present and marks the rules they trigger;
 * a rule left unmarked is skipped without walking its tree. Most events trigger few of the hundreds of rules
 * filed under their event type. The filter only removes rules that would evaluate false, so results are
 * unchanged.
 */
final class LiteralPrefilter {

    private final SubstringIndex[] indexes;
    private final int[][] indexesOfRule;     // rule -> ids of the indexes its triggers live in; null = always try
    private final int[][][] rulesByPattern;  // index id -> pattern -> rules it triggers
    private final long[] ruleMarked;
    private final long[] indexMarked;

    LiteralPrefilter(List<CompiledQuery> rules) {
        Map<SubstringIndex, Integer> ids = new IdentityHashMap<>();
        List<SubstringIndex> order = new ArrayList<>();
        List<Map<Integer, List<Integer>>> byPattern = new ArrayList<>();
        indexesOfRule = new int[rules.size()][];
        for (int r = 0; r < rules.size(); r++) {
            Map<SubstringIndex, Set<Integer>> triggers = triggersOf(rules.get(r).root());
            if (triggers == null) continue;
            int[] used = new int[triggers.size()];
            int u = 0;
            for (var e : triggers.entrySet()) {
                int id = ids.computeIfAbsent(e.getKey(), k -> {
                    order.add(k);
                    byPattern.add(new HashMap<>());
                    return order.size() - 1;
                });
                used[u++] = id;
                for (int p : e.getValue()) byPattern.get(id).computeIfAbsent(p, k -> new ArrayList<>()).add(r);
            }
            indexesOfRule[r] = used;
        }
        indexes = order.toArray(new SubstringIndex[0]);
        rulesByPattern = new int[indexes.length][][];
        for (int i = 0; i < indexes.length; i++) {
            rulesByPattern[i] = new int[indexes[i].size()][];
            for (var e : byPattern.get(i).entrySet()) {
                rulesByPattern[i][e.getKey()] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            }
        }
        ruleMarked = new long[rules.size()];
        indexMarked = new long[indexes.length];
    }

    /** False when the rule certainly does not match the current event. */
    boolean mayMatch(int rule, EventView event) {
        int[] used = indexesOfRule[rule];
        if (used == null) return true;
        long stamp = event.stamp();
        for (int id : used) if (indexMarked[id] != stamp) mark(id, event, stamp);
        return ruleMarked[rule] == stamp;
    }

    private void mark(int id, EventView event, long stamp) {
        indexMarked[id] = stamp;
        SubstringIndex index = indexes[id];
        if (event.value(index.slot) == null) return;
        int n = index.hits(event);
        int[] hits = index.hitList();
        int[][] rules = rulesByPattern[id];
        for (int i = 0; i < n; i++) {
            int[] rs = rules[hits[i]];
            if (rs != null) for (int r : rs) ruleMarked[r] = stamp;
        }
    }

    /** The triggers of a matcher, or null when it has none (may hold without any substring present). */
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
                if (t != null && (best == null || size(t) < size(best))) best = t;
            }
            return best;
        }
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

    private static int size(Map<SubstringIndex, Set<Integer>> t) {
        int n = 0;
        for (Set<Integer> s : t.values()) n += s.size();
        return n;
    }
}
