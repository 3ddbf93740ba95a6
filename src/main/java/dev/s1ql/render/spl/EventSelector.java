// The search terms that select one kind of Splunk event: a base (source, sourcetype, tags) and an event
// family (EventCode, action). Selectors that differ in one term's values merge into one with a value list.
package dev.s1ql.render.spl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

public record EventSelector(List<Term> terms) {

    /** {@code field=value} or, with several values, {@code field IN (v1,v2)}. */
    public record Term(String field, Set<String> values) {
        public Term {
            values = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        String search() {
            String f = SplLiteral.searchField(field);
            if (values.size() == 1) return f + "=" + SplLiteral.termValue(values.iterator().next());
            return f + " IN (" + values.stream().map(SplLiteral::termValue).collect(Collectors.joining(",")) + ")";
        }
    }

    private static final Pattern TERM = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    public static final EventSelector EMPTY = new EventSelector(List.of());

    public EventSelector {
        terms = List.copyOf(terms);
    }

    /** Reads {@code EventCode=23,26 EventType=CreateKey source="a b"} (comma = alternative values). */
    public static EventSelector parse(String text) {
        List<Term> terms = new ArrayList<>();
        Matcher m = TERM.matcher(text.trim());
        int end = 0;
        while (m.find()) {
            if (!text.trim().substring(end, m.start()).isBlank()) break;
            String v = m.group(2);
            Set<String> values = new LinkedHashSet<>();
            if (v.startsWith("\"")) {
                values.add(v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1"));
            } else {
                for (String part : v.split(",")) values.add(part);
            }
            terms.add(new Term(m.group(1), values));
            end = m.end();
        }
        if (!text.trim().substring(end).isBlank()) {
            throw new IllegalArgumentException("cannot read search terms '" + text + "'");
        }
        return new EventSelector(terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public EventSelector and(EventSelector other) {
        List<Term> all = new ArrayList<>(terms);
        all.addAll(other.terms);
        return new EventSelector(all);
    }

    /** The selector matching what either matches, when both differ only in the values of one term; else null. */
    public EventSelector mergeWith(EventSelector o) {
        if (o.terms.size() != terms.size()) return null;
        int diff = -1;
        for (int i = 0; i < terms.size(); i++) {
            Term a = terms.get(i);
            Term b = o.terms.get(i);
            if (!a.field().equals(b.field())) return null;
            if (!a.values().equals(b.values())) {
                if (diff >= 0) return null;
                diff = i;
            }
        }
        if (diff < 0) return this;
        List<Term> merged = new ArrayList<>(terms);
        Set<String> values = new LinkedHashSet<>(terms.get(diff).values());
        values.addAll(o.terms.get(diff).values());
        merged.set(diff, new Term(terms.get(diff).field(), values));
        return new EventSelector(merged);
    }

    /** Whether every event this selector selects is also selected by {@code wider} (its terms include wider's). */
    boolean within(EventSelector wider) {
        return terms.containsAll(wider.terms);
    }

    /**
     * Merges a list of selectors pairwise until no two can merge, and drops a selector another one already covers
     * ({@code EventCode=3 Initiated=false} next to {@code EventCode=3}): the result matches the same events.
     */
    public static List<EventSelector> mergeAll(List<EventSelector> in) {
        List<EventSelector> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            EventSelector s = in.get(i);
            boolean covered = false;
            for (int j = 0; j < in.size() && !covered; j++) {
                EventSelector o = in.get(j);
                if (j != i && s.within(o) && (!o.within(s) || j < i)) covered = true;
            }
            if (!covered) out.add(s);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < out.size(); i++) {
                for (int j = i + 1; j < out.size(); j++) {
                    EventSelector m = out.get(i).mergeWith(out.get(j));
                    if (m != null) {
                        out.set(i, m);
                        out.remove(j);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return out;
    }

    /** The terms as a search expression (space = AND); "" when empty. */
    public String search() {
        return terms.stream().map(Term::search).collect(Collectors.joining(" "));
    }
}
