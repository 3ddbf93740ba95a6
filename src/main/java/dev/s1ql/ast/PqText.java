// The canonical PowerQuery text of a stage expression: what `fmt` prints, and the name of a column, key or
// aggregate written without one (`group count() by lower(x)` names its columns `count()` and `lower(x)`).
package dev.s1ql.ast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Operators are spaced, case modifiers written out ({@code contains:anycase}), strings single-quoted, parentheses
 * only where precedence needs them, and a negation always parenthesised: SentinelOne reads {@code NOT x contains
 * 'y'} as a negation of the bare field (AISIEM SKILL.md rule 20). Parsing the text gives back the same tree.
 */
public final class PqText {
    private PqText() {
    }

    private static final int TERNARY = 0;
    private static final int NOT = 3;
    private static final int COMPARISON = 3;
    private static final int UNARY = 6;
    private static final int ATOM = 7;

    public static String print(PqExpr e) {
        return print(e, TERNARY);
    }

    /** A filter-language condition in 2.0 syntax, as it appears inside a stage. */
    public static String print(Expr e) {
        return expr(e, TERNARY);
    }

    /** A stage in canonical text, without the leading pipe. */
    public static String stage(Stage s) {
        if (s instanceof Stage.Filter f) return "filter " + print(f.condition());
        if (s instanceof Stage.Columns c) return "columns " + named(c.columns());
        if (s instanceof Stage.Let l) return "let " + named(l.assignments());
        if (s instanceof Stage.Limit l) return l.count() < 0 ? "nolimit" : "limit " + l.count();
        if (s instanceof Stage.Group g) {
            return "group " + named(g.aggregates()) + (g.by().isEmpty() ? "" : " by " + named(g.by()));
        }
        if (s instanceof Stage.Sort so) {
            return "sort " + so.keys().stream().map(k -> {
                String v = print(k.value());
                if (k.descending()) return v.startsWith("-") ? "-(" + v + ")" : "-" + v;
                return v.startsWith("-") ? "+" + v : v;
            }).collect(Collectors.joining(", "));
        }
        if (s instanceof Stage.Top t) {
            return "top " + t.count() + " " + named(List.of(t.aggregate())) + (t.by().isEmpty() ? "" : " by " + named(t.by()));
        }
        return ((Stage.Other) s).text();
    }

    private static String named(List<Stage.Named> list) {
        return list.stream().map(n -> n.explicit() ? name(n.name()) + " = " + print(n.value()) : print(n.value()))
                .collect(Collectors.joining(", "));
    }

    /** A single-quoted literal: backslash and quote escaped, newline, return and tab as escapes. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t");
                continue;
            }
            if (c == '\\' || c == '\'') sb.append('\\');
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /** A name as the left side of {@code name = value}: bare when it is an identifier, else quoted. */
    public static String name(String n) {
        return n.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*") && !Keywords.isReserved(n) ? n : quote(n);
    }

    private static String print(PqExpr e, int min) {
        int p = precedence(e);
        String s = text(e);
        return p < min ? "(" + s + ")" : s;
    }

    private static int precedence(PqExpr e) {
        if (e instanceof PqExpr.Conditional) return TERNARY;
        if (e instanceof PqExpr.Binary b) return b.op().precedence();
        if (e instanceof PqExpr.Match) return COMPARISON;
        if (e instanceof PqExpr.Unary u) return u.op() == PqExpr.UnaryOp.NOT ? NOT : UNARY;
        if (e instanceof PqExpr.Test t) return exprPrecedence(t.expr());
        return ATOM;
    }

    private static String text(PqExpr e) {
        if (e instanceof PqExpr.Literal l) return literal(l.value());
        if (e instanceof PqExpr.Null) return "null";
        if (e instanceof PqExpr.Name n) return n.field().written();
        if (e instanceof PqExpr.Call c) {
            String args = c.args().stream().map(PqText::print).collect(Collectors.joining(", "));
            if (c.where() != null) args += " where " + print(c.where());
            return c.function() + "(" + args + ")";
        }
        if (e instanceof PqExpr.Unary u) {
            if (u.op() == PqExpr.UnaryOp.NOT) {
                return precedence(u.operand()) >= ATOM ? "!" + text(u.operand()) : "!(" + print(u.operand()) + ")";
            }
            String operand = print(u.operand(), UNARY);
            return operand.startsWith("-") ? "-(" + operand + ")" : "-" + operand;
        }
        if (e instanceof PqExpr.Binary b) {
            int p = b.op().precedence();
            return print(b.left(), p) + " " + b.op().symbol() + " " + print(b.right(), p + 1);
        }
        if (e instanceof PqExpr.Conditional c) {
            return print(c.condition(), TERNARY + 1) + " ? " + print(c.then(), TERNARY + 1) + " : "
                    + print(c.otherwise(), TERNARY);
        }
        if (e instanceof PqExpr.Match m) {
            return print(m.subject(), COMPARISON + 1) + " " + operator(m.operator(), m.values()) + " "
                    + operands(m.operator(), m.values());
        }
        return expr(((PqExpr.Test) e).expr(), TERNARY);
    }

    private static int exprPrecedence(Expr e) {
        if (e instanceof Or) return 1;
        if (e instanceof And) return 2;
        if (e instanceof Not) return NOT;
        return COMPARISON;
    }

    private static String expr(Expr e, int min) {
        String s;
        if (e instanceof Or o) s = o.operands().stream().map(x -> expr(x, 2)).collect(Collectors.joining(" or "));
        else if (e instanceof And a) s = a.operands().stream().map(x -> expr(x, NOT)).collect(Collectors.joining(" and "));
        else if (e instanceof Not n) s = "!(" + expr(n.operand(), TERNARY) + ")";
        else s = predicate((Predicate) e);
        return exprPrecedence(e) < min ? "(" + s + ")" : s;
    }

    private static String predicate(Predicate p) {
        String f = p.field().written();
        Operator op = p.operator();
        return switch (op.kind()) {
            case EXISTS -> f + " = *";
            case EQUALS -> f + (op.negated() ? " != " : " = ") + literal(p.value());
            case COMPARE -> f + " " + op.comparison().symbol() + " " + literal(p.value());
            default -> f + " " + operator(op, p.values()) + " " + operands(op, p.values());
        };
    }

    /** The 2.0 spelling of a text operator with its case modifier written out. */
    private static String operator(Operator op, List<Value> values) {
        String word = switch (op.kind()) {
            case IN -> "in";
            case CONTAINS, IN_CONTAINS -> "contains";
            case REGEX -> "matches";
            case STARTS_WITH -> "starts_with";
            case ENDS_WITH -> "ends_with";
            case EQUALS -> op.negated() ? "!=" : "=";
            case COMPARE -> op.comparison().symbol();
            default -> throw new IllegalArgumentException("no 2.0 spelling for " + op.kind());
        };
        if (op.kind() == MatchKind.EQUALS || op.kind() == MatchKind.COMPARE) return word;
        return word + (op.caseInsensitive() ? ":anycase" : ":matchcase");
    }

    private static String operands(Operator op, List<Value> values) {
        if (op.kind().takesList() || values.size() > 1) return "(" + values.stream().map(PqText::literal).collect(Collectors.joining(", ")) + ")";
        return literal(values.get(0));
    }

    private static String literal(Value v) {
        if (v instanceof StringValue s) return quote(s.value());
        return v.text();
    }

    /** Words that cannot be bare names in PowerQuery text (they are keywords of the grammar). */
    static final class Keywords {
        private static final java.util.Set<String> RESERVED = java.util.Set.of("and", "or", "not", "contains",
                "matches", "in", "starts_with", "ends_with", "startswith", "endswith", "anycase", "matchcase",
                "true", "false", "null", "filter", "columns", "limit", "nolimit", "group", "by", "sort", "let");

        private Keywords() {
        }

        static boolean isReserved(String n) {
            return RESERVED.contains(n.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
