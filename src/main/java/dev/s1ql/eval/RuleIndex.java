// Groups a rule pack by the EventType / ObjectType each rule requires, so an event meets only its own rules.
package dev.s1ql.eval;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule whose top-level AND contains {@code EventType = "Process Creation"} (or {@code In (...)}, or the same on
 * ObjectType) cannot match an event with another event type, so it is filed under those values and skipped for
 * other events without being evaluated. Rules without such a conjunct are tried on every event. Generated rule
 * packs (pySigma) nearly always start with one, and most telemetry is of types few rules are about.
 */
final class RuleIndex {

    private static final String[] INDEXED_FIELDS = {"EventType", "ObjectType"};

    /** Per indexed slot: value (folded when the rule compares without case) -> rule numbers. */
    private final List<Bucket> buckets = new ArrayList<>();
    private final int[] unindexed;
    private int[] scratch = new int[16];

    private static final class Bucket {
        final int slot;
        final boolean folded;
        final Map<String, int[]> rules = new HashMap<>();

        Bucket(int slot, boolean folded) {
            this.slot = slot;
            this.folded = folded;
        }
    }

    RuleIndex(List<CompiledQuery> rules) {
        List<Integer> free = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            CompiledQuery.Requirement req = rules.get(r).requirement();
            if (req == null) {
                free.add(r);
                continue;
            }
            Bucket b = bucket(req.slot(), req.folded());
            for (String v : req.values()) {
                int[] old = b.rules.getOrDefault(v, new int[0]);
                if (old.length > 0 && old[old.length - 1] == r) continue;
                int[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = r;
                b.rules.put(v, grown);
            }
        }
        unindexed = free.stream().mapToInt(Integer::intValue).toArray();
    }

    private Bucket bucket(int slot, boolean folded) {
        for (Bucket b : buckets) if (b.slot == slot && b.folded == folded) return b;
        Bucket b = new Bucket(slot, folded);
        buckets.add(b);
        return b;
    }

    /** The rules that may match the current event, ascending; valid until the next call. */
    int candidates(EventView event, int[] countOut) {
        // Each list is ascending; merging them keeps matches in rule order without sorting.
        int n = 0;
        for (Bucket b : buckets) {
            String v = b.folded ? event.folded(b.slot) : event.value(b.slot);
            if (v == null) continue;
            int[] rs = b.rules.get(v);
            if (rs != null) n = merge(rs, n);
        }
        n = merge(unindexed, n);
        countOut[0] = n;
        return n;
    }

    int[] scratch() {
        return scratch;
    }

    private int[] spare = new int[16];

    /** Merges the ascending list {@code rs} into the first {@code n} (ascending) entries of the scratch list. */
    private int merge(int[] rs, int n) {
        if (rs.length == 0) return n;
        int total = n + rs.length;
        if (spare.length < total) spare = new int[Math.max(spare.length * 2, total)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < n && j < rs.length) spare[k++] = scratch[i] <= rs[j] ? scratch[i++] : rs[j++];
        while (i < n) spare[k++] = scratch[i++];
        while (j < rs.length) spare[k++] = rs[j++];
        int[] t = scratch;
        scratch = spare;
        spare = t;
        return total;
    }

    /**
     * The requirement a query's top-level conjunct states on EventType (preferred: more selective) or
     * ObjectType, or null. Only plain {@code =}/{@code In} qualify, and only with non-numeric operands, so that
     * the index is exactly as strict as the predicate it stands for.
     */
    static CompiledQuery.Requirement requirementOf(Expr root, FieldBinder binder, EvalOptions options) {
        List<Expr> conjuncts = root instanceof And a ? a.operands() : List.of(root);
        for (String field : INDEXED_FIELDS) {
            for (Expr e : conjuncts) {
                if (!(e instanceof Predicate p)) continue;
                FieldInfo f = p.field().resolved();
                if (f == null || f.kind() != FieldKind.FIELD || !f.name().equals(field)) continue;
                MatchKind k = p.operator().kind();
                if ((k != MatchKind.EQUALS && k != MatchKind.IN) || p.operator().negated()) continue;
                if (p.values().stream().anyMatch(v -> NumberText.parse(v.text()) != null)) continue;
                boolean folded = p.operator().caseInsensitive() || (f.isEnum() && options.enumCaseInsensitive());
                List<String> values = new ArrayList<>();
                for (Value v : p.values()) values.add(folded ? CaseFold.fold(v.text()) : v.text());
                return new CompiledQuery.Requirement(binder.bind(p.field()).get(0).slot(), folded, values);
            }
        }
        return null;
    }
}
