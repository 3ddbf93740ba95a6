// Turns the ANTLR parse tree into the immutable AST. The only class that looks at parse-tree contexts.
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
import dev.s1ql.ast.StringValue;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.parse.gen.S1QLParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.List;

final class AstBuilder {

    private final FieldCatalog catalog;

    AstBuilder(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    Expr build(S1QLParser.QueryContext ctx) {
        return orExpr(ctx.orExpr());
    }

    private Expr orExpr(S1QLParser.OrExprContext ctx) {
        List<Expr> parts = new ArrayList<>();
        for (S1QLParser.AndExprContext a : ctx.andExpr()) {
            Expr e = andExpr(a);
            if (e instanceof Or or) parts.addAll(or.operands());
            else parts.add(e);
        }
        return parts.size() == 1 ? parts.get(0) : new Or(parts, span(ctx));
    }

    private Expr andExpr(S1QLParser.AndExprContext ctx) {
        List<Expr> parts = new ArrayList<>();
        for (S1QLParser.NotExprContext n : ctx.notExpr()) {
            Expr e = notExpr(n);
            if (e instanceof And and) parts.addAll(and.operands());
            else parts.add(e);
        }
        return parts.size() == 1 ? parts.get(0) : new And(parts, span(ctx));
    }

    private Expr notExpr(S1QLParser.NotExprContext ctx) {
        if (ctx instanceof S1QLParser.NegationContext neg) {
            return new Not(notExpr(neg.notExpr()), span(ctx));
        }
        S1QLParser.PrimaryContext p = ((S1QLParser.PlainContext) ctx).primary();
        if (p instanceof S1QLParser.GroupContext g) return orExpr(g.orExpr());
        return predicate(((S1QLParser.ConditionContext) p).predicate());
    }

    private Expr predicate(S1QLParser.PredicateContext ctx) {
        Token fieldToken = ctx.field().IDENT().getSymbol();
        FieldRef field = new FieldRef(fieldToken.getText(), catalog.lookup(fieldToken.getText()), Spans.of(fieldToken));
        S1QLParser.PredicateTailContext tail = ctx.predicateTail();
        Operator op;
        List<Value> values = new ArrayList<>();
        if (tail instanceof S1QLParser.ExistsTailContext t) {
            op = spelled(Operator.of(MatchKind.EXISTS, false, false), t);
        } else if (tail instanceof S1QLParser.IsTailContext t) {
            S1QLParser.IsTestContext test = t.isTest();
            if (test.EMPTY() != null) {
                op = spelled(Operator.of(MatchKind.EMPTY, false, test.NOT() != null), t);
            } else {
                Token b = test.getStart();
                op = spelled(Operator.of(MatchKind.BOOL, false, false), t.IS());
                values.add(new BoolValue(test.TRUE() != null, Spans.of(b)));
            }
        } else if (tail instanceof S1QLParser.BetweenTailContext t) {
            op = spelled(Operator.of(MatchKind.RANGE, false, false), t.BETWEEN());
            values.add(value(t.value(0)));
            values.add(value(t.value(1)));
        } else if (tail instanceof S1QLParser.CompareTailContext t) {
            op = spelled(compareOperator(t.cmpOp()), t.cmpOp());
            values.add(value(t.value()));
        } else if (tail instanceof S1QLParser.StringTailContext t) {
            op = spelled(stringOperator(t.stringOp()), t.stringOp());
            values.add(value(t.value()));
        } else {
            S1QLParser.ListTailContext t = (S1QLParser.ListTailContext) tail;
            MatchKind kind = t.CONTAINS() != null ? MatchKind.IN_CONTAINS : MatchKind.IN;
            Operator base = Operator.of(kind, t.ANYCASE() != null, t.NOT() != null);
            List<ParseTree> words = new ArrayList<>(t.children.subList(0, t.children.size() - 1));
            op = new Operator(base.kind(), base.caseInsensitive(), base.negated(), null, join(words));
            for (S1QLParser.ValueContext v : t.valueList().value()) values.add(value(v));
        }
        return new Predicate(field, op, values, span(ctx));
    }

    private static Operator compareOperator(S1QLParser.CmpOpContext ctx) {
        return switch (ctx.getStart().getType()) {
            case S1QLParser.EQ -> Operator.of(MatchKind.EQUALS, false, false);
            case S1QLParser.NEQ -> Operator.of(MatchKind.EQUALS, false, true);
            case S1QLParser.LT -> Operator.compare(Comparison.LT);
            case S1QLParser.LE -> Operator.compare(Comparison.LE);
            case S1QLParser.GT -> Operator.compare(Comparison.GT);
            default -> Operator.compare(Comparison.GE);
        };
    }

    private static Operator stringOperator(S1QLParser.StringOpContext ctx) {
        boolean anyCase = ctx.ANYCASE() != null;
        if (ctx.DOES() != null) return Operator.of(MatchKind.CONTAINS, anyCase || ctx.CONTAINCIS() != null, true);
        if (ctx.CONTAINS() != null) return Operator.of(MatchKind.CONTAINS, anyCase, false);
        if (ctx.CONTAINSCIS() != null) return Operator.of(MatchKind.CONTAINS, true, false);
        if (ctx.STARTSWITH() != null) return Operator.of(MatchKind.STARTS_WITH, anyCase, false);
        if (ctx.STARTSWITHCIS() != null) return Operator.of(MatchKind.STARTS_WITH, true, false);
        if (ctx.ENDSWITH() != null) return Operator.of(MatchKind.ENDS_WITH, anyCase, false);
        if (ctx.ENDSWITHCIS() != null) return Operator.of(MatchKind.ENDS_WITH, true, false);
        return Operator.of(MatchKind.REGEX, false, false);
    }

    private static Operator spelled(Operator op, ParseTree... words) {
        return new Operator(op.kind(), op.caseInsensitive(), op.negated(), op.comparison(), join(List.of(words)));
    }

    /** The words of an operator as written, with single spaces between them. */
    private static String join(List<ParseTree> words) {
        List<String> out = new ArrayList<>();
        for (ParseTree w : words) collectTerminals(w, out);
        return String.join(" ", out);
    }

    private static void collectTerminals(ParseTree t, List<String> out) {
        if (t instanceof TerminalNode tn) out.add(tn.getText());
        else for (int i = 0; i < t.getChildCount(); i++) collectTerminals(t.getChild(i), out);
    }

    static Value value(S1QLParser.ValueContext ctx) {
        Token t = ctx.getStart();
        Span span = Spans.of(t);
        return switch (t.getType()) {
            case S1QLParser.STRING -> {
                StringLiteralScanner.Decoded d = StringLiteralScanner.decode(t.getText(), true);
                yield new StringValue(d.value(), d.trailingBackslash(), span);
            }
            case S1QLParser.NUMBER -> new NumberValue(t.getText(), Decimals.parse(t.getText()), span);
            case S1QLParser.TRUE -> new BoolValue(true, span);
            default -> new BoolValue(false, span);
        };
    }

    private static Span span(ParserRuleContext ctx) {
        return Spans.of(ctx.getStart(), ctx.getStop());
    }

}
