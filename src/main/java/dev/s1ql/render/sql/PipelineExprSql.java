// Writes PowerQuery stage expressions as SQL with the evaluator's semantics (docs/powerquery.md, "Values"): each
// expression gets a static type, event fields are text, numbers come from text that reads as a number, the
// filter-language tests go through SqlConditionWriter, so that DuckDB gives the rows `s1ql eval` gives.
package dev.s1ql.render.sql;

import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Dialect;
import dev.s1ql.translate.core.Cond;
import dev.s1ql.translate.core.EventClass;
import dev.s1ql.translate.core.EventUniverse;
import dev.s1ql.translate.core.LegPlan;
import dev.s1ql.translate.core.Lowering;
import dev.s1ql.translate.core.LoweringOptions;
import dev.s1ql.translate.core.Specializer;
import dev.s1ql.translate.core.Test;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.NumberValue;
import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.StringValue;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import dev.s1ql.catalog.PqFunctions;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.eval.pipeline.PrintfPattern;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed SQL: TEXT (VARCHAR), NUMBER (DOUBLE), BOOL (never NULL when written by this class), LIST, NULL (the
 * literal). Conversions: a number from text is {@code CASE WHEN <reads as a number> THEN CAST(... AS DOUBLE) END};
 * text from a number is its canonical form (8080, 2.5).
 */
final class PipelineExprSql {

    enum Type { TEXT, NUMBER, BOOL, LIST, NULL }

    /** An SQL expression and its type. */
    record Sql(String text, Type type) {
    }

    /** What names mean where an expression is written: made names, and whether event columns are readable. */
    interface Names {
        /** The made name {@code written} refers to, or null (then an event field, when events are readable). */
        Sql made(String written);

        boolean eventsReadable();

        /** The input-order column, or null when the rows have no order. */
        String seq();
    }

    private final SqlDialect d;
    private final PipelineDialect pd;
    private final NetFunctionsSql net;
    private final ColumnNaming naming;
    private final Dialect dialect;
    /** The name a text test's subject expression stands under while the core lowers the test. */
    private static final String SUBJECT = "s1ql:subject";
    private final List<Diagnostic> diagnostics;
    private final Set<List<String>> columns = new LinkedHashSet<>();
    /** Values of aggregate calls (inside group) and of overall calls, known while their stage is written. */
    private final Map<PqExpr.Call, Sql> known = new java.util.IdentityHashMap<>();

    PipelineExprSql(SqlDialect d, ColumnNaming naming, Dialect dialect, List<Diagnostic> diagnostics) {
        this.d = d;
        this.pd = new PipelineDialect(d);
        this.net = new NetFunctionsSql(d);
        this.naming = naming;
        this.dialect = dialect;
        this.diagnostics = diagnostics;
    }

    PipelineDialect pd() {
        return pd;
    }

    /** The event columns expressions read. */
    Set<List<String>> columns() {
        return columns;
    }

    void know(PqExpr.Call c, Sql value) {
        known.put(c, value);
    }

    void forget() {
        known.clear();
    }

    // ------------------------------------------------------------------ conversions

    String number(Sql s) {
        return switch (s.type()) {
            case NUMBER -> s.text();
            case TEXT -> "CASE WHEN " + d.isNumber(s.text()) + " THEN " + pd.castDouble(s.text()) + " END";
            default -> "CAST(NULL AS DOUBLE)";
        };
    }

    String text(Sql s) {
        return switch (s.type()) {
            case TEXT -> s.text();
            case NUMBER -> "CASE WHEN " + s.text() + " = floor(" + s.text() + ") AND abs(" + s.text() + ") < 1e15 THEN "
                    + pd.castText(pd.castBigint(s.text())) + " ELSE " + pd.castText(s.text()) + " END";
            case BOOL -> "CASE WHEN " + s.text() + " THEN 'true' WHEN NOT " + s.text() + " THEN 'false' END";
            default -> "CAST(NULL AS " + pd.textType() + ")";
        };
    }

    /** Truthiness, never NULL: null, false, 0, "" (and the texts false and 0) are false. */
    String truthy(Sql s) {
        return switch (s.type()) {
            case BOOL -> s.text();
            case NUMBER -> "coalesce(" + s.text() + " <> 0, false)";
            case TEXT -> "coalesce(" + s.text() + " NOT IN ('', 'false', '0'), false)";
            case LIST -> "coalesce(" + pd.listLength(s.text()) + " > 0, false)";
            case NULL -> "false";
        };
    }

    private Sql as(Sql s, Type t) {
        if (s.type() == t) return s;
        return switch (t) {
            case TEXT -> new Sql(text(s), Type.TEXT);
            case NUMBER -> new Sql(number(s), Type.NUMBER);
            case BOOL -> new Sql(truthy(s), Type.BOOL);
            default -> s;
        };
    }

    /** Two values as one type (for CASE branches): the same type, or text. */
    private Sql[] unify(Sql a, Sql b) {
        if (a.type() == b.type()) return new Sql[] {a, b};
        if (a.type() == Type.NULL) return new Sql[] {nullOf(b.type()), b};
        if (b.type() == Type.NULL) return new Sql[] {a, nullOf(a.type())};
        return new Sql[] {as(a, Type.TEXT), as(b, Type.TEXT)};
    }

    private Sql nullOf(Type t) {
        return switch (t) {
            case NUMBER -> new Sql("CAST(NULL AS DOUBLE)", t);
            case BOOL -> new Sql("CAST(NULL AS BOOLEAN)", t);
            case TEXT -> new Sql("CAST(NULL AS " + pd.textType() + ")", t);
            default -> new Sql("NULL", t);
        };
    }

    // ------------------------------------------------------------------ expressions

    Sql write(PqExpr e, Names names) {
        if (e instanceof PqExpr.Literal l) {
            if (l.value() instanceof StringValue s) return new Sql(d.literal(s.value()), Type.TEXT);
            if (l.value() instanceof NumberValue n) return new Sql(pd.castDouble(n.number().toPlainString()), Type.NUMBER);
            return new Sql(((BoolValue) l.value()).value() ? "true" : "false", Type.BOOL);
        }
        if (e instanceof PqExpr.Null) return new Sql("NULL", Type.NULL);
        if (e instanceof PqExpr.Name n) return name(n.field(), names);
        if (e instanceof PqExpr.Test t) return new Sql("(" + condition(t.expr(), names) + ")", Type.BOOL);
        if (e instanceof PqExpr.Match m) {
            Sql subject = write(m.subject(), names);
            FieldRef placeholder = new FieldRef(SUBJECT, null, Span.NONE);
            Predicate p = new Predicate(placeholder, m.operator(), m.values(), m.span());
            String text = text(subject);
            String c = lowered(p, SUBJECT::equals, t -> t.field().equals(SUBJECT) ? text : null);
            return new Sql("(" + c + ")", Type.BOOL);
        }
        if (e instanceof PqExpr.Conditional c) {
            Sql[] branches = unify(write(c.then(), names), write(c.otherwise(), names));
            return new Sql("CASE WHEN " + truthy(write(c.condition(), names)) + " THEN " + branches[0].text() + " ELSE "
                    + branches[1].text() + " END", branches[0].type());
        }
        if (e instanceof PqExpr.Unary u) {
            Sql v = write(u.operand(), names);
            if (u.op() == PqExpr.UnaryOp.NOT) return new Sql("(NOT " + truthy(v) + ")", Type.BOOL);
            return new Sql("(-" + number(v) + ")", Type.NUMBER);
        }
        if (e instanceof PqExpr.Binary b) return binary(b, names);
        return call((PqExpr.Call) e, names);
    }

    /**
     * A filter-language condition over event fields and made names. A number a stage made, compared with a
     * number, is written as the plain comparison ({@code n > 5}): the same answer as comparing its text.
     */
    String condition(dev.s1ql.ast.Expr e, Names names) {
        if (e instanceof dev.s1ql.ast.And a) return join(a.operands(), " AND ", names);
        if (e instanceof dev.s1ql.ast.Or o) return join(o.operands(), " OR ", names);
        if (e instanceof dev.s1ql.ast.Not n) return "NOT (" + condition(n.operand(), names) + ")";
        Predicate p = (Predicate) e;
        Sql made = names.made(p.field().written());
        dev.s1ql.ast.MatchKind kind = p.operator().kind();
        if (made != null && made.type() == Type.NUMBER && p.values().size() == 1
                && p.value() instanceof NumberValue n
                && (kind == dev.s1ql.ast.MatchKind.COMPARE || kind == dev.s1ql.ast.MatchKind.EQUALS)) {
            String op = kind == dev.s1ql.ast.MatchKind.COMPARE ? p.operator().comparison().symbol()
                    : p.operator().negated() ? "<>" : "=";
            return "coalesce(" + made.text() + " " + op + " " + n.number().toPlainString() + ", false)";
        }
        return predicate(p, names);
    }

    private String join(List<dev.s1ql.ast.Expr> operands, String op, Names names) {
        List<String> parts = new ArrayList<>();
        for (dev.s1ql.ast.Expr x : operands) parts.add("(" + condition(x, names) + ")");
        return String.join(op, parts);
    }

    private String predicate(Predicate e, Names names) {
        return lowered(e, n -> names.made(n) != null, t -> {
            Sql m = names.made(t.field());
            if (m != null) return text(m);
            if (!names.eventsReadable()) return "CAST(NULL AS " + pd.textType() + ")";
            return null;
        });
    }

    /**
     * One filter-language test through the translation core, as the filter before the stages is: names that
     * {@code made} accepts are values {@code values} gives as SQL text, other names event columns.
     */
    private String lowered(Predicate p, java.util.function.Predicate<String> made,
                           java.util.function.Function<Test, String> values) {
        Cond cond = new Lowering(LoweringOptions.DEFAULTS.withStampsAsData(true)).stageCondition(p, dialect, made,
                diagnostics);
        SqlConditionWriter w = new SqlConditionWriter(d, naming, SqlForm.PORTABLE).withMadeNames(values);
        LegPlan.Outcome<SqlConditionWriter.Sql, Void> out = LegPlan.translate(cond,
                List.of(LegPlan.Leg.<Void>of(EventClass.ANY, null)), (t, leg) -> w.leaf(t), w,
                new Specializer(EventUniverse.defaults()), p.span());
        diagnostics.addAll(out.diagnostics());
        columns.addAll(w.columns());
        if (!out.ok()) return "false"; // an error was reported: the pipeline is not written
        var result = out.kept().get(0).result();
        return result.isConstant() ? Boolean.toString(result.constant()) : result.value().text();
    }

    /** A name: a made name, else an event field as text (a legacy or shortcut name: its first present member). */
    private Sql name(FieldRef f, Names names) {
        Sql m = names.made(f.written());
        if (m != null) return m;
        if (!names.eventsReadable()) return nullOf(Type.TEXT);
        FieldInfo info = f.resolved();
        if (info != null && EventKindColumns.derived(info.name())) {
            return new Sql(EventKindColumns.read(d, naming, info, columns), Type.TEXT);
        }
        List<List<String>> paths = new ArrayList<>();
        if (info == null) paths.add(naming.ofName(f.written()));
        else if (info.kind() == FieldKind.FIELD || info.members().isEmpty()) paths.add(naming.of(info));
        else {
            for (String member : info.members()) {
                FieldInfo mi = FieldCatalog.defaults().lookup(member);
                paths.add(mi != null ? naming.of(mi) : naming.ofName(member));
            }
            paths.add(naming.ofAlias(info));
        }
        List<String> reads = new ArrayList<>();
        for (List<String> p : paths) {
            columns.add(p);
            reads.add(pd.castText(d.column(p)));
        }
        return new Sql(reads.size() == 1 ? reads.get(0) : "coalesce(" + String.join(", ", reads) + ")", Type.TEXT);
    }

    private Sql binary(PqExpr.Binary b, Names names) {
        PqExpr.BinaryOp op = b.op();
        Sql l = write(b.left(), names);
        Sql r = write(b.right(), names);
        if (op == PqExpr.BinaryOp.AND || op == PqExpr.BinaryOp.OR) {
            if (l.type() == Type.BOOL && r.type() == Type.BOOL) {
                return new Sql("(" + l.text() + (op == PqExpr.BinaryOp.AND ? " AND " : " OR ") + r.text() + ")", Type.BOOL);
            }
            Sql[] u = unify(l, r);
            String test = truthy(l);
            return op == PqExpr.BinaryOp.OR
                    ? new Sql("CASE WHEN " + test + " THEN " + u[0].text() + " ELSE " + u[1].text() + " END", u[0].type())
                    : new Sql("CASE WHEN " + test + " THEN " + u[1].text() + " ELSE " + u[0].text() + " END", u[0].type());
        }
        if (op.isComparison()) return new Sql(compare(op, l, r), Type.BOOL);
        String x = number(l);
        String y = number(r);
        String sum = switch (op) {
            case ADD -> "(" + x + " + " + y + ")";
            case SUB -> "(" + x + " - " + y + ")";
            case MUL -> "(" + x + " * " + y + ")";
            case DIV -> "CASE WHEN " + y + " = 0 THEN NULL ELSE " + pd.castDouble(x) + " / " + y + " END";
            default -> "CASE WHEN " + y + " = 0 THEN NULL ELSE " + x + " % " + y + " END";
        };
        if (op == PqExpr.BinaryOp.ADD && (l.type() == Type.TEXT || r.type() == Type.TEXT)) {
            // text that is not a number joins as text (null as nothing), as the evaluator's `+`
            List<String> present = new ArrayList<>();
            if (l.type() == Type.TEXT) present.add("(" + l.text() + " IS NOT NULL AND " + x + " IS NULL)");
            if (r.type() == Type.TEXT) present.add("(" + r.text() + " IS NOT NULL AND " + y + " IS NULL)");
            String join = pd.concat("coalesce(" + text(l) + ", '')", "coalesce(" + text(r) + ", '')");
            return new Sql("CASE WHEN " + x + " IS NOT NULL AND " + y + " IS NOT NULL THEN " + text(new Sql(sum, Type.NUMBER))
                    + " WHEN " + String.join(" OR ", present) + " THEN " + join + " END", Type.TEXT);
        }
        return new Sql(sum, Type.NUMBER);
    }

    /**
     * Two numbers (text reading as one included) compare as numbers, two texts as text, two booleans as booleans;
     * null equals only null; anything else is unequal and unordered. Never NULL.
     */
    private String compare(PqExpr.BinaryOp op, Sql l, Sql r) {
        String cmp;
        boolean lt = l.type() == Type.TEXT;
        boolean rt = r.type() == Type.TEXT;
        String sym = op.symbol().equals("!=") ? "<>" : op.symbol();
        if (op == PqExpr.BinaryOp.NE) sym = "=";
        if (lt && rt) {
            cmp = "CASE WHEN " + number(l) + " IS NOT NULL AND " + number(r) + " IS NOT NULL THEN " + number(l) + " "
                    + sym + " " + number(r) + " ELSE " + l.text() + " " + sym + " " + r.text() + " END";
        } else if ((l.type() == Type.NUMBER || lt) && (r.type() == Type.NUMBER || rt)) {
            cmp = number(l) + " " + sym + " " + number(r);
        } else if (l.type() == Type.BOOL && r.type() == Type.BOOL) {
            cmp = l.text() + " " + sym + " " + r.text();
        } else {
            cmp = "NULL";
        }
        if (op == PqExpr.BinaryOp.EQ || op == PqExpr.BinaryOp.NE) {
            String eq = "CASE WHEN " + l.text() + " IS NULL AND " + r.text() + " IS NULL THEN true WHEN " + l.text()
                    + " IS NULL OR " + r.text() + " IS NULL THEN false ELSE coalesce(" + cmp + ", false) END";
            if (l.type() == Type.NULL || r.type() == Type.NULL) {
                Sql other = l.type() == Type.NULL ? r : l;
                eq = other.type() == Type.NULL ? "true" : "(" + other.text() + " IS NULL)";
            }
            return op == PqExpr.BinaryOp.EQ ? "(" + eq + ")" : "(NOT " + eq + ")";
        }
        return "coalesce(" + cmp + ", false)";
    }

    // ------------------------------------------------------------------ functions

    private Sql call(PqExpr.Call c, Names names) {
        Sql k = known.get(c);
        if (k != null) return k;
        PqFunctions.Function f = PqFunctions.defaults().lookup(c.name());
        List<Sql> a = new ArrayList<>();
        for (PqExpr x : c.args()) a.add(write(x, names));
        String n = c.name();
        switch (n) {
            case "len":
                return new Sql(pd.length(text(a.get(0))), Type.NUMBER);
            case "lower":
            case "upper":
                return new Sql(n + "(" + text(a.get(0)) + ")", Type.TEXT);
            case "trim":
            case "ltrim":
            case "rtrim": {
                String chars = a.size() > 1 ? text(a.get(1)) : d.literal(" \t\r\n");
                return new Sql(pd.trim(text(a.get(0)), chars, !n.equals("rtrim"), !n.equals("ltrim")), Type.TEXT);
            }
            case "substr": {
                String s = text(a.get(0));
                String start = number(a.get(1));
                String from = "CAST(greatest(0, floor(" + start + ")) AS BIGINT) + 1";
                String nulls = start + " IS NULL";
                String out;
                if (a.size() > 2) {
                    String length = number(a.get(2));
                    nulls += " OR " + length + " IS NULL";
                    out = "substring(" + s + ", " + from + ", CAST(greatest(0, floor(" + length + ")) AS BIGINT))";
                } else {
                    out = "substring(" + s + ", " + from + ")";
                }
                return new Sql("CASE WHEN " + nulls + " THEN NULL ELSE " + out + " END", Type.TEXT);
            }
            case "replace": {
                if (!(c.args().get(1) instanceof PqExpr.Literal p) || !(c.args().get(2) instanceof PqExpr.Literal r)) {
                    return untranslated(c, "replace() with a pattern or replacement that is not a constant");
                }
                dev.s1ql.regex.RegexTranslation rx = dev.s1ql.regex.RegexTranslation.of(p.value().text(), false,
                        d.regexEngine());
                if (!rx.ok()) return untranslated(c, "a pattern that uses " + String.join(", ", rx.unsupported()));
                for (String diff : rx.differences()) {
                    diagnostics.add(Diagnostic.of(Code.TRANSLATION_REGEX_DIFFERENCE, "the pattern uses " + diff
                            + "; the output may differ from SentinelOne's", c.span()));
                }
                return new Sql(pd.regexReplace(text(a.get(0)), rx.pattern(), r.value().text()), Type.TEXT);
            }
            case "isempty":
                return new Sql("(" + a.get(0).text() + " IS NULL OR " + text(a.get(0)) + " = '')", Type.BOOL);
            case "isblank":
                return new Sql("(" + a.get(0).text() + " IS NULL OR " + pd.trim(text(a.get(0)), d.literal(" \t\r\n"), true, true)
                        + " = '')", Type.BOOL);
            case "bool":
                return new Sql(truthy(a.get(0)), Type.BOOL);
            case "string":
                return new Sql(text(a.get(0)), Type.TEXT);
            case "number":
                return new Sql("CASE WHEN " + a.get(0).text() + " IS NULL THEN CAST(0 AS DOUBLE) ELSE " + number(a.get(0))
                        + " END", Type.NUMBER);
            case "abs":
            case "floor":
                return new Sql(n + "(" + number(a.get(0)) + ")", Type.NUMBER);
            case "ceiling":
                return new Sql("ceil(" + number(a.get(0)) + ")", Type.NUMBER);
            case "exp":
                return new Sql("exp(" + number(a.get(0)) + ")", Type.NUMBER);
            case "sqrt":
                return new Sql("CASE WHEN " + number(a.get(0)) + " >= 0 THEN sqrt(" + number(a.get(0)) + ") END", Type.NUMBER);
            case "ln":
                return new Sql("CASE WHEN " + number(a.get(0)) + " > 0 THEN ln(" + number(a.get(0)) + ") END", Type.NUMBER);
            case "pow":
                return new Sql("power(" + number(a.get(0)) + ", " + number(a.get(1)) + ")", Type.NUMBER);
            case "min":
            case "max":
                if (a.size() == 2) {
                    String x = number(a.get(0));
                    String y = number(a.get(1));
                    return new Sql("CASE WHEN " + x + " IS NULL OR " + y + " IS NULL THEN NULL ELSE "
                            + (n.equals("min") ? "least(" : "greatest(") + x + ", " + y + ") END", Type.NUMBER);
                }
                break;
            case "format": {
                if (!(c.args().get(0) instanceof PqExpr.Literal pattern)) {
                    return untranslated(c, "format() with a pattern that is not a constant");
                }
                String sql = new FormatSql(d).write(PrintfPattern.parse(pattern.value().text()),
                        i -> i + 1 < a.size() ? text(a.get(i + 1)) : null,
                        i -> i + 1 < a.size() ? number(a.get(i + 1)) : null);
                if (sql == null) return untranslated(c, "a %f precision over 37");
                // a null value makes the whole result null, as in the evaluator (the pattern is a constant)
                StringBuilder nulls = new StringBuilder();
                for (Sql x : a.subList(1, a.size())) {
                    nulls.append(nulls.length() == 0 ? "" : " OR ").append(x.text()).append(" IS NULL");
                }
                return new Sql(nulls.length() == 0 ? sql : "CASE WHEN " + nulls + " THEN NULL ELSE " + sql + " END",
                        Type.TEXT);
            }
            case "net_ipv4", "net_ipv6", "net_ip", "net_rfc1918", "net_rfc4193", "net_private":
                return new Sql(net.test(n, text(a.get(0))), Type.BOOL);
            case "net_ipsubnet": {
                if (!(c.args().get(1) instanceof PqExpr.Literal cidr)) {
                    return untranslated(c, "net_ipsubnet() with a subnet that is not a constant");
                }
                String sql = net.inSubnet(text(a.get(0)), cidr.value().text());
                if (sql == null) return untranslated(c, "an IPv6 subnet");
                return new Sql(sql, Type.BOOL);
            }
            default:
                break;
        }
        if (f == null) return untranslated(c, "an unknown function");
        return untranslated(c, f.kind() == PqFunctions.Kind.AGGREGATE ? "an aggregate outside group" : "no SQL translation");
    }

    private Sql untranslated(PqExpr.Call c, String why) {
        diagnostics.add(Diagnostic.of(Code.PIPELINE_FUNCTION_NOT_TRANSLATED, c.function() + "() is not translated to "
                + "SQL (" + why + ")", c.span(), "compute it with s1ql eval, or leave it out of the query"));
        return new Sql("NULL", Type.NULL);
    }
}
