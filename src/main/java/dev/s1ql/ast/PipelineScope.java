// Which names exist at each point of a PowerQuery pipeline: event fields until columns / group / top make a new
// record set, plus the names let, columns, group and top make (commands-reference.md §2-§4, §13).
package dev.s1ql.ast;

import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link #of(Query)} gives one scope per stage boundary: element i is what stage i sees, element n what the output
 * has. A stage s1ql does not model (lookup, parse, join, ...) may make any name, so the scopes after it are
 * {@link Kind#UNKNOWN}: nothing there can be checked.
 */
public record PipelineScope(Kind kind, List<String> names, Span madeBy) {

    public enum Kind {
        /** Every event field, plus {@link #names()} (made by let). */
        EVENTS,
        /** Exactly {@link #names()} (made by columns, group or top at {@link #madeBy()}). */
        CLOSED,
        /** Unknown after a stage s1ql does not model. */
        UNKNOWN
    }

    public PipelineScope {
        names = List.copyOf(names);
    }

    /** The scope of the initial filter: every event field. */
    public static final PipelineScope EVENTS = new PipelineScope(Kind.EVENTS, List.of(), Span.NONE);

    /** The scopes before each stage and after the last, {@code q.pipeline().size() + 1} of them. */
    public static List<PipelineScope> of(Query q) {
        List<PipelineScope> out = new ArrayList<>();
        PipelineScope s = EVENTS;
        out.add(s);
        for (Stage st : q.pipeline()) {
            s = s.after(st);
            out.add(s);
        }
        return Collections.unmodifiableList(out);
    }

    /** The scope after {@code stage} runs in this one. */
    public PipelineScope after(Stage stage) {
        if (kind == Kind.UNKNOWN) return this;
        if (stage instanceof Stage.Let l) {
            List<String> n = new ArrayList<>(names);
            for (Stage.Named a : l.assignments()) if (!n.contains(a.name())) n.add(a.name());
            return new PipelineScope(kind, n, madeBy);
        }
        if (stage instanceof Stage.Columns c) return closed(c.columns().stream().map(Stage.Named::name).toList(), c.span());
        if (stage instanceof Stage.Group g) {
            List<String> n = new ArrayList<>();
            g.by().forEach(k -> n.add(k.name()));
            g.aggregates().forEach(a -> n.add(a.name()));
            return closed(n, g.span());
        }
        if (stage instanceof Stage.Top t) {
            List<String> n = new ArrayList<>();
            t.by().forEach(k -> n.add(k.name()));
            n.add(t.aggregate().name());
            n.add("rank");
            return closed(n, t.span());
        }
        if (stage instanceof Stage.Other) return new PipelineScope(Kind.UNKNOWN, List.of(), stage.span());
        return this;
    }

    private static PipelineScope closed(List<String> names, Span span) {
        return new PipelineScope(Kind.CLOSED, names, span);
    }

    /** Whether a made name ({@code let}, {@code columns}, ...) of this scope is meant by {@code written}. */
    public boolean madeName(String written) {
        return find(written) != null;
    }

    /**
     * The made name {@code written} refers to: the same text, else the same ignoring case, else the catalog's other
     * spelling of the same field ({@code endpoint.name} for {@code EndpointName}); null when none.
     */
    public String find(String written) {
        for (String n : names) if (n.equals(written)) return n;
        for (String n : names) if (n.equalsIgnoreCase(written)) return n;
        FieldInfo f = FieldCatalog.defaults().lookupS1ql2(written);
        if (f == null) f = FieldCatalog.defaults().lookup(written);
        if (f == null) return null;
        for (String n : names) {
            if (n.equalsIgnoreCase(f.name()) || (!f.s1ql2().isEmpty() && n.equalsIgnoreCase(f.s1ql2()))) return n;
        }
        return null;
    }

    /** Whether a name written in a stage that runs in this scope can mean anything: a made name or an event field. */
    public boolean has(String written) {
        return kind != Kind.CLOSED || madeName(written);
    }
}
