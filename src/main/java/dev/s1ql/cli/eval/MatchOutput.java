// How eval prints matches (NDJSON or text, optionally with explanations) and per-query counts.
package dev.s1ql.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.eval.Explanation;
import dev.s1ql.events.RawEvent;
import java.io.PrintWriter;
import java.util.List;

/**
 * NDJSON match lines carry the event exactly as read (its bytes are copied, not re-serialised) under "event",
 * after the rule's source/title/id and the event's file and line. The objects are built by {@link #matchHead}
 * and {@link #rowObject}, which the `s1ql serve` API uses too (through {@link Collector}).
 */
public final class MatchOutput {

    /** Receives whole match and row objects instead of printed lines (the serve API's eval). */
    public interface Collector {
        /** A match: {@link #matchHead} with the event parsed under "event". */
        void match(ObjectNode match);

        /** A PowerQuery output row: {@link #rowObject}. */
        void row(ObjectNode row);
    }

    private final PrintWriter out;
    private final boolean json;
    private final Collector collector;
    private final ObjectMapper mapper = dev.s1ql.events.EventJson.mapper();

    public MatchOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
        this.collector = null;
    }

    /** Objects go to {@code collector}; nothing is printed. */
    public MatchOutput(Collector collector) {
        this.out = null;
        this.json = true;
        this.collector = collector;
    }

    /** {@code {"source", "title"?, "id"?, "eventsFile", "line", "explain"?}}: a match line without its "event". */
    public static ObjectNode matchHead(ObjectMapper m, QueryInput rule, String eventsFile, long line,
                                       List<Explanation.Step> explain) {
        ObjectNode head = m.createObjectNode();
        head.put("source", rule.source());
        if (rule.title() != null) head.put("title", rule.title());
        if (rule.id() != null) head.put("id", rule.id());
        head.put("eventsFile", eventsFile);
        head.put("line", line);
        if (explain != null) head.set("explain", explainJson(m, explain));
        return head;
    }

    /** {@code {"source", "title"?, "id"?, "row"}}: one row of a PowerQuery's output stages. */
    public static ObjectNode rowObject(ObjectMapper m, QueryInput rule, ObjectNode row) {
        ObjectNode n = m.createObjectNode();
        n.put("source", rule.source());
        if (rule.title() != null) n.put("title", rule.title());
        if (rule.id() != null) n.put("id", rule.id());
        n.set("row", row);
        return n;
    }

    public void match(QueryInput rule, RawEvent event, List<Explanation.Step> explain) {
        if (collector != null) {
            ObjectNode n = matchHead(mapper, rule, event.file(), event.line(), explain);
            try {
                n.set("event", mapper.readTree(event.jsonText()));
            } catch (java.io.IOException e) {
                n.put("event", event.jsonText()); // the evaluator already read it; not expected
            }
            collector.match(n);
            return;
        }
        if (json) {
            ObjectNode head = matchHead(mapper, rule, event.file(), event.line(), explain);
            String h = head.toString();
            out.write(h, 0, h.length() - 1);
            out.print(",\"event\":");
            out.print(event.jsonText());
            out.println('}');
        } else {
            out.printf("%s:%d: %s%s%n", event.file(), event.line(), rule.source(),
                    rule.title() != null ? " (" + rule.title() + ")" : "");
            if (explain != null) {
                for (Explanation.Step s : explain) {
                    out.printf("    %-8s %s    [%s = %s]%n", s.held() ? "held" : "not held", s.predicate(), s.field(),
                            s.value() == null ? "missing" : quote(s.value()));
                }
            }
        }
    }

    /**
     * A match found by another engine (--engine duckdb), which knows the event's file and JSON text but not its
     * line: the same line as {@link #match} without "line".
     */
    public void match(QueryInput rule, String file, String eventJson) {
        if (json) {
            ObjectNode head = mapper.createObjectNode();
            head.put("source", rule.source());
            if (rule.title() != null) head.put("title", rule.title());
            if (rule.id() != null) head.put("id", rule.id());
            head.put("eventsFile", file);
            String h = head.toString();
            out.write(h, 0, h.length() - 1);
            out.print(",\"event\":");
            out.print(eventJson);
            out.println('}');
        } else {
            out.printf("%s: %s%s%n", file, rule.source(), rule.title() != null ? " (" + rule.title() + ")" : "");
        }
    }

    /** A row of a PowerQuery's output stages (columns, group, ...). */
    public void row(QueryInput rule, ObjectNode row) {
        if (collector != null) {
            collector.row(rowObject(mapper, rule, row));
        } else if (json) {
            out.println(rowObject(mapper, rule, row));
        } else {
            out.printf("%s: %s%n", rule.source(), row);
        }
    }

    public void count(QueryInput rule, long matches, long events) {
        if (json) {
            ObjectNode n = mapper.createObjectNode();
            n.put("source", rule.source());
            n.put("title", rule.title());
            if (rule.id() != null) n.put("id", rule.id());
            n.put("matches", matches);
            n.put("events", events);
            out.println(n);
        } else {
            out.printf("%,10d / %,d  %s%s%n", matches, events, rule.source(),
                    rule.title() != null ? "  " + rule.title() : "");
        }
    }

    private static ArrayNode explainJson(ObjectMapper mapper, List<Explanation.Step> steps) {
        ArrayNode a = mapper.createArrayNode();
        for (Explanation.Step s : steps) {
            ObjectNode n = a.addObject();
            n.put("predicate", s.predicate());
            n.put("field", s.field());
            if (s.value() == null) n.putNull("value");
            else n.put("value", s.value());
            n.put("held", s.held());
        }
        return a;
    }

    private static String quote(String v) {
        String shown = v.length() > 200 ? v.substring(0, 200) + "..." : v;
        return '"' + shown.replace("\"", "\\\"") + '"';
    }
}
