// Renders the AST as JSON for tooling (`s1ql parse --json`): node types, operators, fields, values, spans.
package dev.s1ql.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.And;
import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.NumberValue;
import dev.s1ql.ast.Operator;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.Stage;
import dev.s1ql.ast.StringValue;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.FieldInfo;

import java.util.List;
import java.util.Locale;

public final class AstJson {

    private final ObjectMapper mapper;

    public AstJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode expr(Expr e) {
        ObjectNode n = mapper.createObjectNode();
        if (e instanceof And a) {
            n.put("type", "and");
            n.set("operands", list(a.operands()));
        } else if (e instanceof Or o) {
            n.put("type", "or");
            n.set("operands", list(o.operands()));
        } else if (e instanceof Not not) {
            n.put("type", "not");
            n.set("operand", expr(not.operand()));
        } else {
            Predicate p = (Predicate) e;
            n.put("type", "predicate");
            n.set("field", field(p.field()));
            n.set("operator", operator(p.operator()));
            ArrayNode values = mapper.createArrayNode();
            for (Value v : p.values()) values.add(value(v));
            n.set("values", values);
        }
        n.set("span", span(e.span()));
        return n;
    }

    /** PowerQuery stages: their command, and the typed parts s1ql models (expressions as trees). */
    public ArrayNode stages(List<Stage> stages) {
        ArrayNode a = mapper.createArrayNode();
        for (Stage s : stages) {
            ObjectNode n = mapper.createObjectNode();
            if (s instanceof Stage.Filter f) {
                n.put("command", "filter");
                n.set("condition", pq(f.condition()));
            } else if (s instanceof Stage.Columns c) {
                n.put("command", "columns");
                n.set("columns", named(c.columns()));
            } else if (s instanceof Stage.Let l) {
                n.put("command", "let");
                n.set("assignments", named(l.assignments()));
            } else if (s instanceof Stage.Limit l) {
                n.put("command", l.count() < 0 ? "nolimit" : "limit");
                if (l.count() >= 0) n.put("count", l.count());
            } else if (s instanceof Stage.Group g) {
                n.put("command", "group");
                n.set("aggregates", named(g.aggregates()));
                n.set("by", named(g.by()));
            } else if (s instanceof Stage.Sort so) {
                n.put("command", "sort");
                ArrayNode keys = n.putArray("keys");
                so.keys().forEach(k -> keys.addObject().put("descending", k.descending()).set("value", pq(k.value())));
            } else if (s instanceof Stage.Top t) {
                n.put("command", "top");
                n.put("count", t.count());
                n.set("aggregate", named(List.of(t.aggregate())).get(0));
                n.set("by", named(t.by()));
            } else {
                Stage.Other o = (Stage.Other) s;
                n.put("command", o.command());
                n.put("text", o.text());
            }
            n.set("span", span(s.span()));
            a.add(n);
        }
        return a;
    }

    private ArrayNode named(List<Stage.Named> list) {
        ArrayNode a = mapper.createArrayNode();
        for (Stage.Named x : list) {
            ObjectNode o = a.addObject();
            o.put("name", x.name());
            o.put("explicit", x.explicit());
            o.set("value", pq(x.value()));
        }
        return a;
    }

    /** A stage expression: its node type and parts; filter-language parts as {@link #expr}. */
    public ObjectNode pq(PqExpr e) {
        ObjectNode n = mapper.createObjectNode();
        if (e instanceof PqExpr.Test t) return expr(t.expr());
        if (e instanceof PqExpr.Literal l) {
            n.put("type", "literal");
            n.set("value", value(l.value()));
        } else if (e instanceof PqExpr.Null) {
            n.put("type", "null");
        } else if (e instanceof PqExpr.Name name) {
            n.put("type", "name");
            n.set("field", field(name.field()));
        } else if (e instanceof PqExpr.Call c) {
            n.put("type", "call");
            n.put("function", c.function());
            ArrayNode args = n.putArray("args");
            c.args().forEach(x -> args.add(pq(x)));
            if (c.where() != null) n.set("where", pq(c.where()));
        } else if (e instanceof PqExpr.Unary u) {
            n.put("type", "unary");
            n.put("operator", u.op().symbol());
            n.set("operand", pq(u.operand()));
        } else if (e instanceof PqExpr.Binary b) {
            n.put("type", "binary");
            n.put("operator", b.op().symbol());
            n.set("left", pq(b.left()));
            n.set("right", pq(b.right()));
        } else if (e instanceof PqExpr.Conditional c) {
            n.put("type", "conditional");
            n.set("condition", pq(c.condition()));
            n.set("then", pq(c.then()));
            n.set("otherwise", pq(c.otherwise()));
        } else {
            PqExpr.Match m = (PqExpr.Match) e;
            n.put("type", "match");
            n.set("subject", pq(m.subject()));
            n.set("operator", operator(m.operator()));
            ArrayNode values = n.putArray("values");
            m.values().forEach(v -> values.add(value(v)));
        }
        n.set("span", span(e.span()));
        return n;
    }

    private ArrayNode list(List<Expr> es) {
        ArrayNode a = mapper.createArrayNode();
        for (Expr e : es) a.add(expr(e));
        return a;
    }

    private ObjectNode field(FieldRef f) {
        ObjectNode n = mapper.createObjectNode();
        n.put("written", f.written());
        FieldInfo info = f.resolved();
        if (info == null) {
            n.putNull("resolved");
        } else {
            n.put("resolved", info.name());
            n.put("kind", info.kind().name().toLowerCase(Locale.ROOT));
            n.put("fieldType", info.type().name().toLowerCase(Locale.ROOT));
            if (!info.s1ql2().isEmpty()) n.put("s1ql2", info.s1ql2());
            if (!info.members().isEmpty()) {
                ArrayNode m = n.putArray("members");
                info.members().forEach(m::add);
            }
        }
        n.set("span", span(f.span()));
        return n;
    }

    private ObjectNode operator(Operator op) {
        ObjectNode n = mapper.createObjectNode();
        n.put("kind", op.kind().name().toLowerCase(Locale.ROOT));
        n.put("caseInsensitive", op.caseInsensitive());
        n.put("negated", op.negated());
        if (op.comparison() != null) n.put("comparison", op.comparison().symbol());
        if (op.spelling() != null) n.put("spelling", op.spelling());
        return n;
    }

    private ObjectNode value(Value v) {
        ObjectNode n = mapper.createObjectNode();
        if (v instanceof StringValue s) {
            n.put("type", "string");
            n.put("value", s.value());
            if (s.trailingBackslash()) n.put("trailingBackslash", true);
        } else if (v instanceof NumberValue num) {
            n.put("type", "number");
            n.put("value", num.number());
        } else {
            n.put("type", "bool");
            n.put("value", ((BoolValue) v).value());
        }
        n.set("span", span(v.span()));
        return n;
    }

    private ObjectNode span(Span s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("start", s.start());
        n.put("end", s.end());
        n.put("line", s.line());
        n.put("column", s.column());
        n.put("endLine", s.endLine());
        n.put("endColumn", s.endColumn());
        return n;
    }
}
