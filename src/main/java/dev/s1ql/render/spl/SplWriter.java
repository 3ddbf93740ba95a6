// Writes SplCond trees as SPL text, and a whole query: search terms, then `| where` for the conjuncts the search
// command cannot express. Search-command syntax: implicit AND binds looser than OR in SPL, so every compound
// operand is parenthesised; eval syntax is written fully parenthesised as well. Adjacent `f=v` atoms under OR on
// the same field become `f IN (v1,v2,...)`. Pre-filters (SplCond.Prefilter) are search terms only: a top-level one
// goes into the search, and eval leaves every one out (the condition it is ANDed with implies it).
package dev.s1ql.render.spl;

import dev.s1ql.render.spl.SplCond.All;
import dev.s1ql.render.spl.SplCond.Any;
import dev.s1ql.render.spl.SplCond.Atom;
import dev.s1ql.render.spl.SplCond.Neg;
import dev.s1ql.render.spl.SplCond.Prefilter;

import java.util.ArrayList;
import java.util.List;

final class SplWriter {

    private SplWriter() {
    }

    /** The condition in search-command syntax; requires {@link SplCond#searchable}. */
    static String search(SplCond c) {
        if (c instanceof Atom a) return a.search();
        if (c instanceof Prefilter p) return p.search();
        if (c instanceof All a) {
            List<String> parts = new ArrayList<>();
            for (SplCond p : a.parts()) {
                if (p instanceof All) parts.add(search(p));
                else parts.add(p instanceof Any any && anyParts(any).size() > 1 ? "(" + search(p) + ")" : search(p));
            }
            return String.join(" ", parts);
        }
        if (c instanceof Any a) return String.join(" OR ", anyParts(a));
        SplCond inner = ((Neg) c).part();
        return "NOT " + (isSimpleAtom(inner) ? search(inner) : "(" + search(inner) + ")");
    }

    private static List<String> anyParts(Any a) {
        List<String> out = new ArrayList<>();
        List<Atom> run = new ArrayList<>();
        for (SplCond p : flatAny(a)) {
            if (p instanceof Atom at && at.inField() != null) {
                if (!run.isEmpty() && !run.get(0).inField().equals(at.inField())) flush(run, out);
                run.add(at);
                continue;
            }
            flush(run, out);
            out.add(isSimpleAtom(p) ? search(p) : "(" + search(p) + ")");
        }
        flush(run, out);
        return out;
    }

    /** OR inside OR needs no parentheses: the operands of nested ORs, in order. */
    private static List<SplCond> flatAny(Any a) {
        List<SplCond> out = new ArrayList<>();
        for (SplCond p : a.parts()) {
            if (p instanceof Any inner) out.addAll(flatAny(inner));
            else out.add(p);
        }
        return out;
    }

    private static void flush(List<Atom> run, List<String> out) {
        if (run.isEmpty()) return;
        if (run.size() == 1) {
            out.add(run.get(0).search());
        } else {
            StringBuilder b = new StringBuilder(run.get(0).inField()).append(" IN (");
            for (int i = 0; i < run.size(); i++) b.append(i == 0 ? "" : ",").append(run.get(i).inValue());
            out.add(b.append(')').toString());
        }
        run.clear();
    }

    private static boolean isSimpleAtom(SplCond c) {
        return c instanceof Atom a && !a.compound() || c instanceof Prefilter;
    }

    /** The condition as an eval expression. */
    static String eval(SplCond c) {
        c = withoutPrefilters(c);
        if (c instanceof Atom a) return a.eval();
        if (c instanceof All a) return join(a.parts(), " AND ");
        if (c instanceof Any a) return join(a.parts(), " OR ");
        if (c instanceof Prefilter) return "true()";
        SplCond inner = withoutPrefilters(((Neg) c).part());
        return inner instanceof Atom ? "NOT " + eval(inner) : "NOT (" + eval(inner) + ")";
    }

    private static String join(List<SplCond> parts, String op) {
        List<String> out = new ArrayList<>();
        for (SplCond p : parts) {
            SplCond q = withoutPrefilters(p);
            out.add(q instanceof Atom ? eval(q) : "(" + eval(q) + ")");
        }
        return String.join(op, out);
    }

    /** An AND without its pre-filters (the single remaining part when only one is left); anything else as it is. */
    private static SplCond withoutPrefilters(SplCond c) {
        if (!(c instanceof All a) || a.parts().stream().noneMatch(p -> p instanceof Prefilter)) return c;
        List<SplCond> kept = a.parts().stream().filter(p -> !(p instanceof Prefilter)).toList();
        if (kept.isEmpty()) return c;
        return kept.size() == 1 ? withoutPrefilters(kept.get(0)) : new All(kept);
    }

    /** The pre-filters among the top-level conjuncts of {@code c}. */
    static List<Prefilter> prefilters(SplCond c) {
        List<SplCond> conjuncts = new ArrayList<>();
        flattenAll(c, conjuncts);
        return conjuncts.stream().filter(p -> p instanceof Prefilter).map(p -> (Prefilter) p).toList();
    }

    /** Search terms first, then `| where` with the conjuncts the search command cannot express. */
    static String query(List<String> base, SplCond c) {
        List<SplCond> conjuncts = new ArrayList<>();
        flattenAll(c, conjuncts);
        List<SplCond> search = new ArrayList<>();
        List<SplCond> where = new ArrayList<>();
        for (SplCond x : conjuncts) (SplCond.searchable(x) ? search : where).add(x);
        List<String> head = new ArrayList<>(base);
        if (!search.isEmpty()) head.add(SplWriter.search(search.size() == 1 ? search.get(0) : new All(search)));
        String text = head.isEmpty() ? "*" : String.join(" ", head);
        if (!where.isEmpty()) text += " | where " + SplWriter.eval(where.size() == 1 ? where.get(0) : new All(where));
        return text;
    }

    private static void flattenAll(SplCond c, List<SplCond> out) {
        if (c instanceof All a) {
            for (SplCond p : a.parts()) flattenAll(p, out);
        } else if (!(c instanceof Atom at && "*".equals(at.search()))) {
            out.add(c);
        }
    }
}
