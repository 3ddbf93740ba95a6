// Turns an S1QL 2.0 / PowerQuery parse tree into the shared AST (spec §7.2 semantics made explicit in the
// operators: `contains` and `matches` are case-insensitive by default, `=` and `in` case-sensitive).
package dev.s1ql.parse;

import dev.s1ql.ast.Decimals;
import dev.s1ql.ast.And;
import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Comparison;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.NumberValue;
import dev.s1ql.ast.Operator;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.Stage;
import dev.s1ql.ast.StringValue;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.gen2.S1QL2Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

import java.util.ArrayList;
import java.util.List;

final class S1ql2AstBuilder {

    private final FieldCatalog catalog;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    S1ql2AstBuilder(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    Expr filter(S1QL2Parser.PowerQueryContext ctx) {
        return ctx.orExpr() == null ? null : orExpr(ctx.orExpr());
    }

    List<Stage> stages(S1QL2Parser.PowerQueryContext ctx) {
        List<Stage> out = new ArrayList<>();
        for (S1QL2Parser.StageContext s : ctx.stage()) out.add(stage(s.command(), span(s)));
        return out;
    }

    private Stage stage(S1QL2Parser.CommandContext c, Span span) {
        if (c instanceof S1QL2Parser.FilterStageContext f) return new Stage.Filter(orExpr(f.orExpr()), span);
        if (c instanceof S1QL2Parser.ColumnsStageContext cs) {
            List<Stage.Column> cols = new ArrayList<>();
            for (S1QL2Parser.ColumnContext col : cs.column()) {
                FieldRef f = field(col.field());
                cols.add(new Stage.Column(col.outName == null ? f.written() : name(col.outName), f));
            }
            return new Stage.Columns(cols, span);
        }
        if (c instanceof S1QL2Parser.LimitStageContext l) {
            return new Stage.Limit(l.NUMBER() == null ? 10 : Integer.parseInt(l.NUMBER().getText().replace("_", "")), span);
        }
        if (c instanceof S1QL2Parser.NolimitStageContext) return new Stage.Limit(-1, span);
        if (c instanceof S1QL2Parser.GroupStageContext g) {
            List<Stage.Aggregate> aggs = new ArrayList<>();
            for (S1QL2Parser.AggregateContext a : g.aggregate()) {
                FieldRef f = a.field() == null ? null : field(a.field());
                String fn = a.fn.getText();
                aggs.add(new Stage.Aggregate(a.outName == null ? fn + "(" + (f == null ? "" : f.written()) + ")"
                        : name(a.outName), fn, f));
            }
            List<FieldRef> by = new ArrayList<>();
            for (S1QL2Parser.FieldContext f : g.field()) by.add(field(f));
            return new Stage.Group(aggs, by, span);
        }
        if (c instanceof S1QL2Parser.SortStageContext s) {
            List<Stage.SortKey> keys = new ArrayList<>();
            for (S1QL2Parser.SortKeyContext k : s.sortKey()) keys.add(new Stage.SortKey(field(k.field()), k.MINUS() != null));
            return new Stage.Sort(keys, span);
        }
        String command = c instanceof S1QL2Parser.LetStageContext ? "let" : ((S1QL2Parser.OtherStageContext) c).cmd.getText();
        return new Stage.Other(command, text(c), span);
    }

    private static String name(S1QL2Parser.NameContext n) {
        return n.STRING() != null ? S1ql2Strings.decode(n.STRING().getText()) : n.getText();
    }

    private Expr orExpr(S1QL2Parser.OrExprContext ctx) {
        List<Expr> parts = new ArrayList<>();
        for (S1QL2Parser.AndExprContext a : ctx.andExpr()) {
            Expr e = andExpr(a);
            if (e instanceof Or or) parts.addAll(or.operands());
            else parts.add(e);
        }
        return parts.size() == 1 ? parts.get(0) : new Or(parts, span(ctx));
    }

    private Expr andExpr(S1QL2Parser.AndExprContext ctx) {
        List<Expr> parts = new ArrayList<>();
        for (S1QL2Parser.NotExprContext n : ctx.notExpr()) {
            Expr e = notExpr(n);
            if (e instanceof And and) parts.addAll(and.operands());
            else parts.add(e);
        }
        return parts.size() == 1 ? parts.get(0) : new And(parts, span(ctx));
    }

    private Expr notExpr(S1QL2Parser.NotExprContext ctx) {
        if (ctx instanceof S1QL2Parser.NegationContext n) return new Not(notExpr(n.notExpr()), span(ctx));
        if (ctx instanceof S1QL2Parser.GroupContext g) return orExpr(g.orExpr());
        return predicate(((S1QL2Parser.ConditionContext) ctx).predicate());
    }

    private Expr predicate(S1QL2Parser.PredicateContext ctx) {
        Span span = span(ctx);
        if (ctx instanceof S1QL2Parser.ExistsPredicateContext e) {
            FieldRef f = field(e.field());
            int op = e.cmpOp().getStart().getType();
            if (op != S1QL2Parser.EQ && op != S1QL2Parser.EQEQ) {
                diagnostics.add(Diagnostic.of(Code.SYNTAX, "'" + e.cmpOp().getText() + " *' is not valid; a missing "
                        + "field is written !(field = *)", span(e.cmpOp())));
            }
            return new Predicate(f, Operator.of(MatchKind.EXISTS, false, false), List.of(), span);
        }
        if (ctx instanceof S1QL2Parser.ComparePredicateContext c) {
            FieldRef f = field(c.field());
            Value v = value(c.value());
            Operator op = switch (c.cmpOp().getStart().getType()) {
                case S1QL2Parser.EQ, S1QL2Parser.EQEQ -> Operator.of(MatchKind.EQUALS, false, false);
                case S1QL2Parser.NEQ -> Operator.of(MatchKind.EQUALS, false, true);
                case S1QL2Parser.LT -> Operator.compare(Comparison.LT);
                case S1QL2Parser.LE -> Operator.compare(Comparison.LE);
                case S1QL2Parser.GT -> Operator.compare(Comparison.GT);
                default -> Operator.compare(Comparison.GE);
            };
            return new Predicate(f, spelled(op, c.cmpOp().getText()), List.of(v), span);
        }
        S1QL2Parser.TextOpContext t;
        FieldRef f;
        S1QL2Parser.ValueContext single;
        S1QL2Parser.ValueListContext list;
        if (ctx instanceof S1QL2Parser.TextPredicateContext tp) {
            t = tp.textOp();
            f = field(tp.field());
            single = tp.value();
            list = tp.valueList();
        } else {
            S1QL2Parser.AnyFieldPredicateContext ap = (S1QL2Parser.AnyFieldPredicateContext) ctx;
            t = ap.textOp();
            f = new FieldRef("*", null, span(ap.STAR().getSymbol()));
            single = ap.value();
            list = ap.valueList();
            diagnostics.add(Diagnostic.of(Code.UNSUPPORTED_2_0, "'*' (search in every field) is not supported by "
                    + "s1ql yet", span(ap.STAR().getSymbol())));
        }
        List<Value> values = new ArrayList<>();
        if (single != null) values.add(value(single));
        else for (S1QL2Parser.ValueContext v : list.value()) values.add(value(v));
        int word = t.word.getType();
        Integer modifier = t.modifier == null ? null : t.modifier.getType();
        boolean ci;
        if (modifier != null) ci = modifier == S1QL2Parser.ANYCASE;
        else ci = word != S1QL2Parser.IN; // contains, matches (and startswith/endswith) default to any case
        if (word == S1QL2Parser.STARTSWITH || word == S1QL2Parser.ENDSWITH) {
            diagnostics.add(Diagnostic.of(Code.UNDOCUMENTED_2_0, "'" + t.word.getText() + "' is not documented for "
                    + "S1QL 2.0; s1ql reads it as a case-insensitive prefix/suffix test unless ':matchcase' is given",
                    span(t)));
        }
        String spelling = t.getText();
        if (word == S1QL2Parser.MATCHES && values.size() > 1) {
            // `matches ('r1', 'r2')` is an OR of regex finds; the AST's REGEX takes one pattern.
            List<Expr> alternatives = new ArrayList<>();
            for (Value v : values) {
                alternatives.add(new Predicate(f, new Operator(MatchKind.REGEX, ci, false, null, spelling), List.of(v), span));
            }
            return new Or(alternatives, span);
        }
        MatchKind kind;
        if (word == S1QL2Parser.IN) kind = MatchKind.IN;
        else if (word == S1QL2Parser.MATCHES) kind = MatchKind.REGEX;
        else if (word == S1QL2Parser.CONTAINS) kind = values.size() > 1 || list != null ? MatchKind.IN_CONTAINS : MatchKind.CONTAINS;
        else kind = word == S1QL2Parser.STARTSWITH ? MatchKind.STARTS_WITH : MatchKind.ENDS_WITH;
        if ((kind == MatchKind.STARTS_WITH || kind == MatchKind.ENDS_WITH) && values.size() > 1) {
            List<Expr> alternatives = new ArrayList<>();
            for (Value v : values) alternatives.add(new Predicate(f, new Operator(kind, ci, false, null, spelling), List.of(v), span));
            return new Or(alternatives, span);
        }
        return new Predicate(f, new Operator(kind, ci, false, null, spelling), values, span);
    }

    private static Operator spelled(Operator op, String spelling) {
        return new Operator(op.kind(), op.caseInsensitive(), op.negated(), op.comparison(), spelling);
    }

    private FieldRef field(S1QL2Parser.FieldContext ctx) {
        String name = ctx.getText();
        return new FieldRef(name, catalog.lookupS1ql2(name), span(ctx));
    }

    private Value value(S1QL2Parser.ValueContext ctx) {
        Token t = ctx.getStart();
        Span span = Spans.of(t);
        return switch (t.getType()) {
            case S1QL2Parser.STRING -> new StringValue(S1ql2Strings.decode(t.getText()), false, span);
            case S1QL2Parser.NUMBER -> {
                String lit = t.getText().replace("_", "");
                yield new NumberValue(lit, Decimals.parse(lit), span);
            }
            case S1QL2Parser.TRUE -> new BoolValue(true, span);
            case S1QL2Parser.FALSE -> new BoolValue(false, span);
            default -> {
                diagnostics.add(Diagnostic.of(Code.UNSUPPORTED_2_0, "comparisons with null are not supported by s1ql; "
                        + "test presence with field = * or !(field = *)", span));
                yield new StringValue("", false, span);
            }
        };
    }

    private static String text(ParserRuleContext ctx) {
        if (ctx.getStop() == null) return "";
        return ctx.getStart().getInputStream().getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
    }

    private static Span span(ParserRuleContext ctx) {
        return Spans.of(ctx.getStart(), ctx.getStop());
    }

    private static Span span(Token t) {
        return Spans.of(t);
    }
}
