// Turns an S1QL 2.0 / PowerQuery parse tree into the shared AST (spec §7.2 semantics made explicit in the
// operators: `contains` and `matches` are case-insensitive by default, `=` and `in` case-sensitive). Stage
// expressions become PqExpr trees whose filter-language parts are the same Predicates the initial filter has.
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
import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.PqText;
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
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

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
        return stages(ctx.stage());
    }

    private List<Stage> stages(List<S1QL2Parser.StageContext> list) {
        List<Stage> out = new ArrayList<>();
        for (S1QL2Parser.StageContext s : list) out.add(stage(s.command(), span(s)));
        return out;
    }

    // ------------------------------------------------------------------ stages

    private Stage stage(S1QL2Parser.CommandContext c, Span span) {
        if (c instanceof S1QL2Parser.FilterStageContext f) return new Stage.Filter(pexpr(f.pexpr()), span);
        if (c instanceof S1QL2Parser.ColumnsStageContext cs) return new Stage.Columns(named(cs.named()), span);
        if (c instanceof S1QL2Parser.LimitStageContext l) {
            return new Stage.Limit(l.NUMBER() == null ? 10 : count(l.NUMBER()), span);
        }
        if (c instanceof S1QL2Parser.NolimitStageContext) return new Stage.Limit(-1, span);
        if (c instanceof S1QL2Parser.GroupStageContext g) {
            List<Stage.Named> all = named(g.named());
            int aggregates = g.BY() == null ? all.size() : countBefore(g.named(), g.BY().getSymbol());
            return new Stage.Group(all.subList(0, aggregates), all.subList(aggregates, all.size()), span);
        }
        if (c instanceof S1QL2Parser.SortStageContext s) {
            List<Stage.SortKey> keys = new ArrayList<>();
            for (S1QL2Parser.SortKeyContext k : s.sortKey()) keys.add(sortKey(k));
            return new Stage.Sort(keys, span);
        }
        if (c instanceof S1QL2Parser.LetStageContext l) {
            List<Stage.Named> assignments = named(l.named());
            for (int i = 0; i < assignments.size(); i++) {
                if (!assignments.get(i).explicit()) {
                    diagnostics.add(Diagnostic.of(Code.SYNTAX, "let needs a name for each value: let name = "
                            + "expression", span(l.named(i)), "write let " + suggestedName(assignments.get(i)) + " = "
                            + assignments.get(i).name()));
                }
            }
            return new Stage.Let(assignments, span);
        }
        if (c instanceof S1QL2Parser.TopStageContext t) {
            List<Stage.Named> all = named(t.named());
            return new Stage.Top(count(t.NUMBER()), all.get(0), all.subList(1, all.size()), span);
        }
        S1QL2Parser.OtherStageContext o = (S1QL2Parser.OtherStageContext) c;
        return new Stage.Other(o.cmd.getText(), text(c), span);
    }

    /** A sort key; SQL's `x desc` / `x asc` (read as x juxtaposed with a field desc) is an error with the fix. */
    private Stage.SortKey sortKey(S1QL2Parser.SortKeyContext k) {
        PqExpr key = pexpr(k.pexpr());
        boolean descending = k.MINUS() != null;
        if (key instanceof PqExpr.Binary b && b.op() == PqExpr.BinaryOp.AND && b.right() instanceof PqExpr.Name n
                && (n.field().written().equalsIgnoreCase("desc") || n.field().written().equalsIgnoreCase("asc"))) {
            boolean desc = n.field().written().equalsIgnoreCase("desc");
            diagnostics.add(Diagnostic.of(Code.SYNTAX, "'" + n.field().written() + "' is not PowerQuery: it sorts with a "
                    + "sign before the key", n.span(), "write sort " + (desc ? "-" : "+") + PqText.print(b.left())));
            return new Stage.SortKey(b.left(), desc);
        }
        return new Stage.SortKey(key, descending);
    }

    private static String suggestedName(Stage.Named n) {
        String s = n.name().replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "value" : s;
    }

    private int count(TerminalNode number) {
        String digits = number.getText().replace("_", "");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            diagnostics.add(Diagnostic.of(Code.SYNTAX, "'" + number.getText() + "' is not a row count",
                    span(number.getSymbol()), "a count is a whole number up to " + Integer.MAX_VALUE));
            return Integer.MAX_VALUE;
        }
    }

    private static int countBefore(List<S1QL2Parser.NamedContext> named, Token by) {
        int n = 0;
        for (S1QL2Parser.NamedContext c : named) if (c.getStart().getTokenIndex() < by.getTokenIndex()) n++;
        return n;
    }

    private List<Stage.Named> named(List<S1QL2Parser.NamedContext> list) {
        List<Stage.Named> out = new ArrayList<>();
        for (S1QL2Parser.NamedContext n : list) {
            PqExpr value = pexpr(n.pexpr());
            if (n.name() != null) out.add(new Stage.Named(name(n.name()), value, true));
            else out.add(new Stage.Named(implicitName(value), value, false));
        }
        return out;
    }

    /** The name a value without one gets: a field its name, anything else its canonical text. */
    static String implicitName(PqExpr value) {
        return value instanceof PqExpr.Name n ? n.field().written() : PqText.print(value);
    }

    private static String name(S1QL2Parser.NameContext n) {
        return n.STRING() != null ? S1ql2Strings.decode(n.STRING().getText()) : n.getText();
    }

    // ------------------------------------------------------------------ stage expressions

    private PqExpr pexpr(S1QL2Parser.PexprContext c) {
        PqExpr condition = por(c.por());
        if (c.QUESTION() == null) return condition;
        return new PqExpr.Conditional(condition, pexpr(c.pexpr(0)), pexpr(c.pexpr(1)), span(c));
    }

    private PqExpr por(S1QL2Parser.PorContext c) {
        List<PqExpr> parts = new ArrayList<>();
        for (S1QL2Parser.PandContext a : c.pand()) parts.add(pand(a));
        return logical(parts, PqExpr.BinaryOp.OR, span(c));
    }

    private PqExpr pand(S1QL2Parser.PandContext c) {
        List<PqExpr> parts = new ArrayList<>();
        for (S1QL2Parser.PnotContext n : c.pnot()) parts.add(pnot(n));
        return logical(parts, PqExpr.BinaryOp.AND, span(c));
    }

    /**
     * and / or over the parts: adjacent filter-language tests merge into one test (an And or Or, flattened as the
     * initial filter's are); the rest is a left-to-right chain of Binary nodes.
     */
    private static PqExpr logical(List<PqExpr> parts, PqExpr.BinaryOp op, Span whole) {
        if (parts.size() == 1) return parts.get(0);
        List<PqExpr> merged = new ArrayList<>();
        for (PqExpr p : parts) {
            PqExpr last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (p instanceof PqExpr.Test t && last instanceof PqExpr.Test lt) {
                merged.set(merged.size() - 1, new PqExpr.Test(combine(lt.expr(), t.expr(), op)));
            } else {
                merged.add(p);
            }
        }
        if (merged.size() == 1) {
            Expr e = ((PqExpr.Test) merged.get(0)).expr();
            return new PqExpr.Test(op == PqExpr.BinaryOp.AND ? new And(((And) e).operands(), whole)
                    : new Or(((Or) e).operands(), whole));
        }
        PqExpr out = merged.get(0);
        for (int i = 1; i < merged.size(); i++) {
            out = new PqExpr.Binary(op, out, merged.get(i), out.span().to(merged.get(i).span()));
        }
        return out;
    }

    private static Expr combine(Expr a, Expr b, PqExpr.BinaryOp op) {
        List<Expr> operands = new ArrayList<>();
        boolean and = op == PqExpr.BinaryOp.AND;
        for (Expr x : List.of(a, b)) {
            if (and && x instanceof And xa) operands.addAll(xa.operands());
            else if (!and && x instanceof Or xo) operands.addAll(xo.operands());
            else operands.add(x);
        }
        Span s = a.span().to(b.span());
        return and ? new And(operands, s) : new Or(operands, s);
    }

    private PqExpr pnot(S1QL2Parser.PnotContext c) {
        if (c instanceof S1QL2Parser.PNegationContext n) {
            PqExpr operand = pnot(n.pnot());
            if (operand instanceof PqExpr.Test t) return new PqExpr.Test(new Not(t.expr(), span(c)));
            return new PqExpr.Unary(PqExpr.UnaryOp.NOT, operand, span(c));
        }
        return pcmp(((S1QL2Parser.PComparisonContext) c).pcmp());
    }

    private PqExpr pcmp(S1QL2Parser.PcmpContext c) {
        Span span = span(c);
        PqExpr subject = padd(c.padd(0));
        if (c.textOp() != null) {
            if (subject instanceof PqExpr.Name n) {
                return new PqExpr.Test(textPredicate(n.field(), c.textOp(), c.value(), c.valueList(), span));
            }
            List<Value> values = values(c.value(), c.valueList());
            MatchKind kind = textKind(c.textOp(), values.size(), c.valueList() != null);
            Operator op = new Operator(kind, textCaseInsensitive(c.textOp()), false, null, c.textOp().getText());
            if ((kind == MatchKind.REGEX || kind == MatchKind.STARTS_WITH || kind == MatchKind.ENDS_WITH) && values.size() > 1) {
                // one pattern per test, as in the filter language: an or of them
                PqExpr out = new PqExpr.Match(subject, op, List.of(values.get(0)), span);
                for (Value v : values.subList(1, values.size())) {
                    out = new PqExpr.Binary(PqExpr.BinaryOp.OR, out, new PqExpr.Match(subject, op, List.of(v), span), span);
                }
                return out;
            }
            return new PqExpr.Match(subject, op, values, span);
        }
        if (c.cmpOp() == null) return subject;
        if (c.STAR() != null) {
            int op = c.cmpOp().getStart().getType();
            if (op != S1QL2Parser.EQ && op != S1QL2Parser.EQEQ) {
                diagnostics.add(Diagnostic.of(Code.SYNTAX, "'" + c.cmpOp().getText() + " *' is not valid; a missing "
                        + "field is written !(field = *)", span(c.cmpOp())));
            }
            if (!(subject instanceof PqExpr.Name n)) {
                diagnostics.add(Diagnostic.of(Code.SYNTAX, "'= *' tests whether a field is present; it cannot test a "
                        + "computed value", span, "compare with null instead: value != null"));
                return new PqExpr.Binary(PqExpr.BinaryOp.NE, subject, new PqExpr.Null(span(c.STAR().getSymbol())), span);
            }
            return new PqExpr.Test(new Predicate(n.field(), Operator.of(MatchKind.EXISTS, false, false), List.of(), span));
        }
        PqExpr right = padd(c.right);
        String spelling = c.cmpOp().getText();
        Value literal = literalValue(right);
        if (subject instanceof PqExpr.Name n && literal != null) {
            return new PqExpr.Test(new Predicate(n.field(), spelled(compareOperator(c.cmpOp()), spelling),
                    List.of(literal), span));
        }
        PqExpr.BinaryOp op = switch (c.cmpOp().getStart().getType()) {
            case S1QL2Parser.EQ, S1QL2Parser.EQEQ -> PqExpr.BinaryOp.EQ;
            case S1QL2Parser.NEQ -> PqExpr.BinaryOp.NE;
            case S1QL2Parser.LT -> PqExpr.BinaryOp.LT;
            case S1QL2Parser.LE -> PqExpr.BinaryOp.LE;
            case S1QL2Parser.GT -> PqExpr.BinaryOp.GT;
            default -> PqExpr.BinaryOp.GE;
        };
        return new PqExpr.Binary(op, subject, right, span);
    }

    /** A literal operand the filter language can hold: a constant, or a negated number. */
    private static Value literalValue(PqExpr e) {
        if (e instanceof PqExpr.Literal l) return l.value();
        return null;
    }

    private PqExpr padd(S1QL2Parser.PaddContext c) {
        return chain(c, c.pmul().stream().map(this::pmul).toList());
    }

    private PqExpr pmul(S1QL2Parser.PmulContext c) {
        return chain(c, c.punary().stream().map(this::punary).toList());
    }

    /** Operands joined left to right by the operator tokens between them (+ - or * / %). */
    private static PqExpr chain(ParserRuleContext c, List<PqExpr> operands) {
        PqExpr out = operands.get(0);
        int next = 1;
        for (ParseTree child : c.children) {
            if (!(child instanceof TerminalNode tn)) continue;
            PqExpr.BinaryOp op = switch (tn.getSymbol().getType()) {
                case S1QL2Parser.PLUS -> PqExpr.BinaryOp.ADD;
                case S1QL2Parser.MINUS -> PqExpr.BinaryOp.SUB;
                case S1QL2Parser.STAR -> PqExpr.BinaryOp.MUL;
                case S1QL2Parser.SLASH -> PqExpr.BinaryOp.DIV;
                default -> PqExpr.BinaryOp.MOD;
            };
            PqExpr right = operands.get(next++);
            out = new PqExpr.Binary(op, out, right, out.span().to(right.span()));
        }
        return out;
    }

    private PqExpr punary(S1QL2Parser.PunaryContext c) {
        if (c instanceof S1QL2Parser.PMinusContext m) {
            PqExpr operand = punary(m.punary());
            // -5 is the number -5, as in the filter language
            if (operand instanceof PqExpr.Literal l && l.value() instanceof NumberValue n && !n.literal().startsWith("-")) {
                return new PqExpr.Literal(new NumberValue("-" + n.literal(), n.number().negate(), span(c)), span(c));
            }
            return new PqExpr.Unary(PqExpr.UnaryOp.NEGATE, operand, span(c));
        }
        return ppostfix(((S1QL2Parser.PPostfixContext) c).ppostfix());
    }

    private PqExpr ppostfix(S1QL2Parser.PpostfixContext c) {
        PqExpr out = patom(c.patom());
        for (Token method : methodTokens(c)) {
            S1QL2Parser.ArgsContext args = argsAfter(c, method);
            List<PqExpr> all = new ArrayList<>();
            all.add(out);
            PqExpr where = null;
            if (args != null) {
                for (S1QL2Parser.PexprContext a : args.pexpr()) all.add(pexpr(a));
                if (args.WHERE() != null) where = all.remove(all.size() - 1);
            }
            out = new PqExpr.Call(method.getText(), all, where, out.span().to(span(method)));
        }
        return out;
    }

    private static List<Token> methodTokens(S1QL2Parser.PpostfixContext c) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < c.getChildCount(); i++) {
            if (c.getChild(i) instanceof TerminalNode t && t.getSymbol().getType() == S1QL2Parser.DOT) {
                out.add(((TerminalNode) c.getChild(i + 1)).getSymbol());
            }
        }
        return out;
    }

    /** The args of the method call whose name is {@code method} (null for an empty argument list). */
    private static S1QL2Parser.ArgsContext argsAfter(S1QL2Parser.PpostfixContext c, Token method) {
        for (int i = 0; i < c.getChildCount(); i++) {
            if (c.getChild(i) instanceof TerminalNode t && t.getSymbol() == method) {
                ParseTree after = c.getChild(i + 2);
                return after instanceof S1QL2Parser.ArgsContext a ? a : null;
            }
        }
        return null;
    }

    private PqExpr patom(S1QL2Parser.PatomContext c) {
        if (c instanceof S1QL2Parser.PParensContext p) return pexpr(p.pexpr());
        if (c instanceof S1QL2Parser.PFieldContext f) return new PqExpr.Name(field(f.field()));
        if (c instanceof S1QL2Parser.PMessageRegexContext m) return new PqExpr.Test(messageRegex(m.DOLLAR_STRING().getSymbol()));
        if (c instanceof S1QL2Parser.PLiteralContext l) return literal(l.literal());
        S1QL2Parser.PCallContext call = (S1QL2Parser.PCallContext) c;
        List<PqExpr> args = new ArrayList<>();
        PqExpr where = null;
        if (call.args() != null) {
            for (S1QL2Parser.PexprContext a : call.args().pexpr()) args.add(pexpr(a));
            if (call.args().WHERE() != null) where = args.remove(args.size() - 1);
        }
        String fn = call.fn.getText();
        Token fnToken = call.fn;
        int dot = fn.lastIndexOf('.');
        if (dot > 0) {
            // x.f(y), method chaining: f(x, y); the receiver is the field before the last dot
            Token t = fnToken;
            Span receiverSpan = new Span(t.getStartIndex(), t.getStartIndex() + dot, t.getLine(),
                    t.getCharPositionInLine() + 1, t.getLine(), t.getCharPositionInLine() + dot);
            String receiver = fn.substring(0, dot);
            args.add(0, new PqExpr.Name(new FieldRef(receiver, catalog.lookupS1ql2(receiver), receiverSpan)));
            fn = fn.substring(dot + 1);
        }
        return new PqExpr.Call(fn, args, where, span(c));
    }

    private PqExpr literal(S1QL2Parser.LiteralContext c) {
        Token t = c.getStart();
        Span span = Spans.of(t);
        return switch (t.getType()) {
            case S1QL2Parser.STRING -> new PqExpr.Literal(new StringValue(S1ql2Strings.decode(t.getText()), false, span), span);
            case S1QL2Parser.NUMBER -> {
                String lit = t.getText().replace("_", "");
                yield new PqExpr.Literal(new NumberValue(lit, Decimals.parse(lit), span), span);
            }
            case S1QL2Parser.TRUE -> new PqExpr.Literal(new BoolValue(true, span), span);
            case S1QL2Parser.FALSE -> new PqExpr.Literal(new BoolValue(false, span), span);
            default -> new PqExpr.Null(span);
        };
    }

    // ------------------------------------------------------------------ the filter language

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
            return new Predicate(f, spelled(compareOperator(c.cmpOp()), c.cmpOp().getText()), List.of(v), span);
        }
        if (ctx instanceof S1QL2Parser.MessageRegexPredicateContext m) return messageRegex(m.DOLLAR_STRING().getSymbol());
        if (ctx instanceof S1QL2Parser.TextPredicateContext tp && tp.subquery() != null) {
            diagnostics.add(Diagnostic.of(Code.UNSUPPORTED_2_0, "subqueries (field in (query | columns field)) are not "
                    + "supported by s1ql", span(tp.subquery()), "list the values, or run the inner query first"));
            return new Predicate(field(tp.field()), Operator.of(MatchKind.IN, false, false), List.of(), span);
        }
        if (ctx instanceof S1QL2Parser.TextPredicateContext tp) {
            return textPredicate(field(tp.field()), tp.textOp(), tp.value(), tp.valueList(), span);
        }
        S1QL2Parser.AnyFieldPredicateContext ap = (S1QL2Parser.AnyFieldPredicateContext) ctx;
        diagnostics.add(Diagnostic.of(Code.UNSUPPORTED_2_0, "'*' (search in every field) is not supported by "
                + "s1ql yet", span(ap.STAR().getSymbol())));
        return textPredicate(new FieldRef("*", null, span(ap.STAR().getSymbol())), ap.textOp(), ap.value(),
                ap.valueList(), span);
    }

    /** {@code $"re"}: {@code message matches "re"} with the pattern taken as written (single escaping, AISIEM). */
    private Expr messageRegex(Token t) {
        String text = t.getText();
        String raw = text.substring(2, text.length() - 1).replace("\\\"", "\"");
        Span span = Spans.of(t);
        return new Predicate(new FieldRef("message", catalog.lookupS1ql2("message"), span),
                new Operator(MatchKind.REGEX, true, false, null, "$\"\""), List.of(new StringValue(raw, false, span)), span);
    }

    private static Operator compareOperator(S1QL2Parser.CmpOpContext c) {
        return switch (c.getStart().getType()) {
            case S1QL2Parser.EQ, S1QL2Parser.EQEQ -> Operator.of(MatchKind.EQUALS, false, false);
            case S1QL2Parser.NEQ -> Operator.of(MatchKind.EQUALS, false, true);
            case S1QL2Parser.LT -> Operator.compare(Comparison.LT);
            case S1QL2Parser.LE -> Operator.compare(Comparison.LE);
            case S1QL2Parser.GT -> Operator.compare(Comparison.GT);
            default -> Operator.compare(Comparison.GE);
        };
    }

    private List<Value> values(S1QL2Parser.ValueContext single, S1QL2Parser.ValueListContext list) {
        List<Value> values = new ArrayList<>();
        if (single != null) values.add(value(single));
        else for (S1QL2Parser.ValueContext v : list.value()) values.add(value(v));
        return values;
    }

    private static boolean textCaseInsensitive(S1QL2Parser.TextOpContext t) {
        if (t.modifier != null) return t.modifier.getType() == S1QL2Parser.ANYCASE;
        return t.word.getType() != S1QL2Parser.IN; // contains, matches (and starts/ends with) default to any case
    }

    private static MatchKind textKind(S1QL2Parser.TextOpContext t, int values, boolean list) {
        return switch (t.word.getType()) {
            case S1QL2Parser.IN -> MatchKind.IN;
            case S1QL2Parser.MATCHES -> MatchKind.REGEX;
            case S1QL2Parser.CONTAINS -> values > 1 || list ? MatchKind.IN_CONTAINS : MatchKind.CONTAINS;
            case S1QL2Parser.STARTSWITH, S1QL2Parser.STARTS_WITH -> MatchKind.STARTS_WITH;
            default -> MatchKind.ENDS_WITH;
        };
    }

    private Expr textPredicate(FieldRef f, S1QL2Parser.TextOpContext t, S1QL2Parser.ValueContext single,
                               S1QL2Parser.ValueListContext list, Span span) {
        List<Value> values = values(single, list);
        int word = t.word.getType();
        boolean ci = textCaseInsensitive(t);
        if (word == S1QL2Parser.STARTSWITH || word == S1QL2Parser.ENDSWITH) {
            diagnostics.add(Diagnostic.of(Code.UNDOCUMENTED_2_0, "'" + t.word.getText() + "' is not documented for "
                    + "S1QL 2.0; s1ql reads it as a case-insensitive prefix/suffix test unless ':matchcase' is given",
                    span(t), "SentinelOne documents starts_with and ends_with"));
        }
        String spelling = t.getText();
        MatchKind kind = textKind(t, values.size(), list != null);
        if ((kind == MatchKind.REGEX || kind == MatchKind.STARTS_WITH || kind == MatchKind.ENDS_WITH) && values.size() > 1) {
            // `matches ('r1', 'r2')` is an OR of regex finds; the AST's REGEX takes one pattern (so do prefix/suffix).
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
        Span span = span(ctx);
        return switch (t.getType()) {
            case S1QL2Parser.STRING -> new StringValue(S1ql2Strings.decode(t.getText()), false, span);
            case S1QL2Parser.NUMBER, S1QL2Parser.MINUS -> {
                String lit = ctx.getText().replace("_", "");
                yield new NumberValue(lit, Decimals.parse(lit), span);
            }
            case S1QL2Parser.TRUE -> new BoolValue(true, span);
            case S1QL2Parser.FALSE -> new BoolValue(false, span);
            default -> {
                diagnostics.add(Diagnostic.of(Code.UNSUPPORTED_2_0, "comparisons with null are not supported in the "
                        + "filter language; test presence with field = * or !(field = *)", span,
                        "after a pipe, field = null and field != null compare a computed value with null"));
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
