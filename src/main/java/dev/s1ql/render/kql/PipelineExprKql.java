// Writes PowerQuery stage expressions as KQL with the built-in engine's semantics (docs/powerquery.md, "Values"),
// as far as KQL can hold them: each expression gets a static type; event fields are their profile column (text,
// number or bool); text becomes a number only when it reads as one; the filter-language tests go through the
// translation core and PredicateRenderer, as the filter before the stages does. KQL has no null string: a missing
// or null text is "" (docs/kql.md).
package dev.s1ql.render.kql;

import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Dialect;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.NumberValue;
import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.StringValue;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import dev.s1ql.catalog.PqFunctions;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.regex.RegexEngine;
import dev.s1ql.regex.RegexTranslation;
import dev.s1ql.translate.core.Combinators;
import dev.s1ql.translate.core.Cond;
import dev.s1ql.translate.core.EventClass;
import dev.s1ql.translate.core.EventUniverse;
import dev.s1ql.translate.core.Leaf;
import dev.s1ql.translate.core.LegPlan;
import dev.s1ql.translate.core.Lowering;
import dev.s1ql.translate.core.LoweringOptions;
import dev.s1ql.translate.core.Specializer;
import dev.s1ql.translate.core.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Types: TEXT (string, never null: "" stands for null), NUMBER (real or long; null when absent), BOOL, LIST
 * (dynamic array), NULL (the literal). A number from text: {@code iff(x matches regex NUMBER, todouble(x),
 * real(null))}; text from a number: {@code tostring(x)} (whole numbers print without a fraction).
 */
final class PipelineExprKql {

    enum Type { TEXT, NUMBER, BOOL, LIST, NULL }

    /** A KQL expression and its type. */
    record Kql(String text, Type type) {
    }

    /** What names mean where an expression is written. */
    interface Names {
        /** The value a stage made under {@code written}, or null (then an event field, when events are readable). */
        Kql made(String written);

        boolean eventsReadable();
    }

    /** The filter evaluator's number rule: -?digits(.digits)? (docs/powerquery.md). */
    static final String NUMBER_PATTERN = KqlLiteral.string("^-?[0-9]+(\\.[0-9]+)?\\z");
    private static final String SUBJECT = "s1ql:subject";
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "by", "in", "has", "contains", "between",
            "true", "false", "asc", "desc", "nulls", "first", "last", "with", "on", "let", "set", "alias", "declare",
            "pattern", "restrict", "access", "to", "of", "where", "project", "extend", "summarize", "sort", "order",
            "take", "limit", "top", "union", "join", "count", "all", "any", "typeof", "null", "dynamic", "datetime",
            "timespan", "range", "print", "as", "kind", "materialize", "toscalar", "totable", "evaluate", "find", "search");

    private final KqlProfile profile;
    private final StageFields fields;
    private final Dialect dialect;
    private final List<Diagnostic> diagnostics;
    private final Map<PqExpr.Call, Kql> known = new IdentityHashMap<>();

    PipelineExprKql(KqlProfile profile, StageFields fields, Dialect dialect, List<Diagnostic> diagnostics) {
        this.profile = profile;
        this.fields = fields;
        this.dialect = dialect;
        this.diagnostics = diagnostics;
    }

    /** A column name as KQL writes it: bare when it is a plain identifier, else ['...']. */
    static String identifier(String name) {
        if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) return name;
        return "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    void know(PqExpr.Call c, Kql value) {
        known.put(c, value);
    }

    void forget() {
        known.clear();
    }

    // ------------------------------------------------------------------ conversions

    String number(Kql k) {
        return switch (k.type()) {
            case NUMBER -> k.text();
            case TEXT -> "iff(" + k.text() + " matches regex " + NUMBER_PATTERN + ", todouble(" + k.text() + "), real(null))";
            default -> "real(null)";
        };
    }

    String text(Kql k) {
        return switch (k.type()) {
            case TEXT -> k.text();
            case NUMBER -> "tostring(" + k.text() + ")";
            case BOOL -> "iff(isnull(" + k.text() + "), \"\", iff(" + k.text() + ", \"true\", \"false\"))";
            case LIST -> "tostring(" + k.text() + ")";
            case NULL -> "\"\"";
        };
    }

    /** Truthiness: null, false, 0, "" (and the texts false and 0) are false; never null. */
    String truthy(Kql k) {
        return switch (k.type()) {
            case BOOL -> k.text();
            case NUMBER -> "(coalesce(" + k.text() + ", 0.0) != 0)";
            case TEXT -> "(" + k.text() + " !in (\"\", \"false\", \"0\"))";
            case LIST -> "(array_length(" + k.text() + ") > 0)";
            case NULL -> "false";
        };
    }

    private Kql as(Kql k, Type t) {
        if (k.type() == t) return k;
        return switch (t) {
            case TEXT -> new Kql(text(k), Type.TEXT);
            case NUMBER -> new Kql(number(k), Type.NUMBER);
            case BOOL -> new Kql(truthy(k), Type.BOOL);
            default -> k;
        };
    }

    /** Two values as one type (iff's branches must agree): the same type, or text. */
    private Kql[] unify(Kql a, Kql b) {
        if (a.type() == b.type()) return new Kql[] {a, b};
        if (a.type() == Type.NULL) return new Kql[] {nullOf(b.type()), b};
        if (b.type() == Type.NULL) return new Kql[] {a, nullOf(a.type())};
        return new Kql[] {as(a, Type.TEXT), as(b, Type.TEXT)};
    }

    static Kql nullOf(Type t) {
        return switch (t) {
            case NUMBER -> new Kql("real(null)", t);
            case BOOL -> new Kql("bool(null)", t);
            case TEXT -> new Kql("\"\"", t);
            case LIST -> new Kql("dynamic(null)", t);
            case NULL -> new Kql("\"\"", Type.TEXT);
        };
    }

    // ------------------------------------------------------------------ expressions

    Kql write(PqExpr e, Names names) {
        if (e instanceof PqExpr.Literal l) {
            if (l.value() instanceof StringValue s) return new Kql(KqlLiteral.string(s.value()), Type.TEXT);
            if (l.value() instanceof NumberValue n) return new Kql(numberLiteral(n.number()), Type.NUMBER);
            return new Kql(((BoolValue) l.value()).value() ? "true" : "false", Type.BOOL);
        }
        if (e instanceof PqExpr.Null) return new Kql("\"\"", Type.NULL);
        if (e instanceof PqExpr.Name n) return name(n.field(), names);
        if (e instanceof PqExpr.Test t) return new Kql("(" + condition(t.expr(), names) + ")", Type.BOOL);
        if (e instanceof PqExpr.Match m) {
            Kql subject = write(m.subject(), names);
            FieldRef placeholder = new FieldRef(SUBJECT, null, Span.NONE);
            Predicate p = new Predicate(placeholder, m.operator(), m.values(), m.span());
            Kql value = subject.type() == Type.NUMBER ? subject : new Kql("(" + text(subject) + ")", Type.TEXT);
            return new Kql("(" + lowered(p, SUBJECT::equals, name -> name.equals(SUBJECT) ? value : null) + ")", Type.BOOL);
        }
        if (e instanceof PqExpr.Conditional c) {
            Kql[] branches = unify(write(c.then(), names), write(c.otherwise(), names));
            return new Kql("iff(" + truthy(write(c.condition(), names)) + ", " + branches[0].text() + ", "
                    + branches[1].text() + ")", branches[0].type());
        }
        if (e instanceof PqExpr.Unary u) {
            Kql v = write(u.operand(), names);
            if (u.op() == PqExpr.UnaryOp.NOT) {
                String t = v.type() == Type.BOOL ? "coalesce(" + v.text() + ", false)" : truthy(v);
                return new Kql("not(" + t + ")", Type.BOOL);
            }
            return new Kql("(-" + number(v) + ")", Type.NUMBER);
        }
        if (e instanceof PqExpr.Binary b) return binary(b, names);
        return call((PqExpr.Call) e, names);
    }

    /** A number literal: whole numbers as long (they widen where a real meets them), others as real. */
    static String numberLiteral(java.math.BigDecimal n) {
        String s = KqlLiteral.number(n);
        return s.contains(".") || s.length() < 16 ? s : "real(" + s + ")";
    }

    /** A filter-language condition over event fields and made names, through the translation core. */
    String condition(dev.s1ql.ast.Expr e, Names names) {
        return lowered(e, n -> names.made(n) != null, n -> {
            Kql m = names.made(n);
            if (m == null) return null;
            return m.type() == Type.NUMBER || m.type() == Type.BOOL ? m : new Kql(text(m), Type.TEXT);
        });
    }

    /**
     * One filter-language condition: names {@code made} accepts are the values {@code values} gives, written as a
     * column of their type; other names are event fields read through StageFields.
     */
    private String lowered(dev.s1ql.ast.Expr e, java.util.function.Predicate<String> made,
                           java.util.function.Function<String, Kql> values) {
        Cond cond = new Lowering(LoweringOptions.DEFAULTS).stageCondition(e, dialect, made, diagnostics);
        PredicateRenderer renderer = new PredicateRenderer(profile);
        LegPlan.Outcome<KqlExpr, Void> out = LegPlan.translate(cond, List.of(LegPlan.Leg.<Void>of(EventClass.ANY, null)),
                (t, leg) -> leaf(t, made, values, renderer), COMBINE, new Specializer(EventUniverse.defaults()), e.span());
        diagnostics.addAll(out.diagnostics());
        if (!out.ok()) return "false"; // an error was reported: the query is not written
        var result = out.kept().get(0).result();
        return result.isConstant() ? Boolean.toString(result.constant()) : KqlWriter.write(result.value());
    }

    private Leaf<KqlExpr> leaf(Test t, java.util.function.Predicate<String> made,
                               java.util.function.Function<String, Kql> values, PredicateRenderer renderer) {
        if (made.test(t.field())) {
            Kql v = values.apply(t.field());
            KqlProfile.ColumnType type = v.type() == Type.NUMBER ? KqlProfile.ColumnType.NUMBER
                    : v.type() == Type.BOOL ? KqlProfile.ColumnType.BOOL : KqlProfile.ColumnType.STRING;
            return renderer.render(t, column(t.field(), v.text(), type));
        }
        StageFields.Ref ref = t.lowerField().equals("eventtype") || t.lowerField().equals("endpointos") ? null
                : fields.read(t.field());
        if (ref == null) {
            return Leaf.unwritable(new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNMAPPED_FIELD, "'" + t.field()
                    + "' has no column in profile " + profile.name() + " that a later stage can read", t.fieldSpan(), null));
        }
        return renderer.render(t, column(t.field(), ref.text(), ref.type()));
    }

    private static KqlProfile.Column column(String field, String reference, KqlProfile.ColumnType type) {
        return new KqlProfile.Column(field, Set.of("*"), reference, type, "", "", false, "");
    }

    private static final Combinators<KqlExpr> COMBINE = new Combinators<>() {
        @Override
        public KqlExpr and(List<KqlExpr> parts) {
            return KqlExpr.and(parts);
        }

        @Override
        public KqlExpr or(List<KqlExpr> parts) {
            return KqlExpr.or(parts);
        }

        @Override
        public KqlExpr not(KqlExpr leaf) {
            return KqlExpr.not(leaf);
        }
    };

    /** A name: a made name, else an event field (a shortcut: its first member with a value). */
    private Kql name(FieldRef f, Names names) {
        Kql m = names.made(f.written());
        if (m != null) return m;
        if (!names.eventsReadable()) return nullOf(Type.TEXT);
        FieldInfo info = f.resolved();
        List<String> reads = new ArrayList<>();
        if (info == null) reads.add(f.written());
        else if (info.kind() == FieldKind.FIELD || info.members().isEmpty()) reads.add(info.name());
        else reads.addAll(info.members());
        List<Kql> found = new ArrayList<>();
        for (String field : reads) {
            StageFields.Ref r = fields.read(field);
            if (r != null) found.add(ref(r));
        }
        if (found.isEmpty()) {
            diagnostics.add(Diagnostic.of(Code.TRANSLATION_UNMAPPED_FIELD, "'" + f.written() + "' has no column in profile "
                    + profile.name() + " for the events the query reads", f.span(), null));
            return nullOf(Type.TEXT);
        }
        if (found.size() == 1) return found.get(0);
        List<String> texts = found.stream().map(this::text).toList();
        return new Kql("coalesce(" + String.join(", ", texts) + ")", Type.TEXT);
    }

    private static Kql ref(StageFields.Ref r) {
        return switch (r.type()) {
            case STRING -> new Kql(r.text(), Type.TEXT);
            case NUMBER -> new Kql(r.text(), Type.NUMBER);
            case BOOL -> new Kql(r.text(), Type.BOOL);
            case TIME -> new Kql("tostring(" + r.text() + ")", Type.TEXT);
        };
    }

    private Kql binary(PqExpr.Binary b, Names names) {
        PqExpr.BinaryOp op = b.op();
        Kql l = write(b.left(), names);
        Kql r = write(b.right(), names);
        if (op == PqExpr.BinaryOp.AND || op == PqExpr.BinaryOp.OR) {
            if (l.type() == Type.BOOL && r.type() == Type.BOOL) {
                return new Kql("(" + l.text() + (op == PqExpr.BinaryOp.AND ? " and " : " or ") + r.text() + ")", Type.BOOL);
            }
            Kql[] u = unify(l, r);
            String test = truthy(l);
            return op == PqExpr.BinaryOp.OR
                    ? new Kql("iff(" + test + ", " + u[0].text() + ", " + u[1].text() + ")", u[0].type())
                    : new Kql("iff(" + test + ", " + u[1].text() + ", " + u[0].text() + ")", u[0].type());
        }
        if (op.isComparison()) return new Kql(compare(op, l, r), Type.BOOL);
        String x = number(l);
        String y = number(r);
        boolean constantDivisor = b.right() instanceof PqExpr.Literal lit && lit.value() instanceof NumberValue n
                && n.number().signum() != 0;
        String sum = switch (op) {
            case ADD -> "(" + x + " + " + y + ")";
            case SUB -> "(" + x + " - " + y + ")";
            case MUL -> "(" + x + " * " + y + ")";
            case DIV -> constantDivisor ? "(todouble(" + x + ") / " + y + ")"
                    : "iff(" + y + " == 0, real(null), todouble(" + x + ") / " + y + ")";
            default -> constantDivisor ? "(" + x + " % " + y + ")" : "iff(" + y + " == 0, real(null), " + x + " % " + y + ")";
        };
        if (op == PqExpr.BinaryOp.ADD && (l.type() == Type.TEXT || r.type() == Type.TEXT)) {
            // text that is not a number joins as text (a missing value as nothing), as the evaluator's +
            List<String> present = new ArrayList<>();
            if (l.type() == Type.TEXT) present.add("(isnotempty(" + l.text() + ") and isnull(" + x + "))");
            if (r.type() == Type.TEXT) present.add("(isnotempty(" + r.text() + ") and isnull(" + y + "))");
            return new Kql("iff(isnotnull(" + x + ") and isnotnull(" + y + "), tostring(" + sum + "), iff("
                    + String.join(" or ", present) + ", strcat(" + text(l) + ", " + text(r) + "), \"\"))", Type.TEXT);
        }
        return new Kql(sum, Type.NUMBER);
    }

    /**
     * Two numbers (text reading as one included) compare as numbers, two texts as text (strcmp for order), two
     * booleans as booleans; null equals only null; anything else is unequal and unordered. Never null.
     */
    private String compare(PqExpr.BinaryOp op, Kql l, Kql r) {
        boolean eqOp = op == PqExpr.BinaryOp.EQ || op == PqExpr.BinaryOp.NE;
        if (l.type() == Type.NULL || r.type() == Type.NULL) {
            Kql other = l.type() == Type.NULL ? r : l;
            String isNull = other.type() == Type.NULL ? "true" : other.type() == Type.TEXT ? "isempty(" + other.text() + ")"
                    : "isnull(" + other.text() + ")";
            if (!eqOp) return "false";
            return op == PqExpr.BinaryOp.EQ ? "(" + isNull + ")" : "not(" + isNull + ")";
        }
        String sym = switch (op) {
            case EQ, NE -> "==";
            default -> op.symbol();
        };
        boolean lt = l.type() == Type.TEXT;
        boolean rt = r.type() == Type.TEXT;
        String cmp;
        String bothNull;
        String oneNull;
        if (lt && rt) {
            String x = number(l);
            String y = number(r);
            String asText = eqOp ? l.text() + " == " + r.text() : "strcmp(" + l.text() + ", " + r.text() + ") " + sym + " 0";
            cmp = "iff(isnotnull(" + x + ") and isnotnull(" + y + "), " + x + " " + sym + " " + y + ", " + asText + ")";
            bothNull = "isempty(" + l.text() + ") and isempty(" + r.text() + ")";
            oneNull = "isempty(" + l.text() + ") or isempty(" + r.text() + ")";
        } else if ((l.type() == Type.NUMBER || lt) && (r.type() == Type.NUMBER || rt)) {
            cmp = number(l) + " " + sym + " " + number(r);
            bothNull = isNull(l) + " and " + isNull(r);
            oneNull = isNull(l) + " or " + isNull(r);
        } else if (l.type() == Type.BOOL && r.type() == Type.BOOL) {
            cmp = "tolong(" + l.text() + ") " + sym + " tolong(" + r.text() + ")";
            bothNull = "isnull(" + l.text() + ") and isnull(" + r.text() + ")";
            oneNull = "isnull(" + l.text() + ") or isnull(" + r.text() + ")";
        } else {
            cmp = "false";
            bothNull = isNull(l) + " and " + isNull(r);
            oneNull = isNull(l) + " or " + isNull(r);
        }
        if (eqOp) {
            String eq = "iff(" + bothNull + ", true, iff(" + oneNull + ", false, coalesce(" + cmp + ", false)))";
            return op == PqExpr.BinaryOp.EQ ? eq : "not(" + eq + ")";
        }
        return "coalesce(" + cmp + ", false)";
    }

    private static String isNull(Kql k) {
        return k.type() == Type.TEXT ? "isempty(" + k.text() + ")" : "isnull(" + k.text() + ")";
    }

    // ------------------------------------------------------------------ functions

    private Kql call(PqExpr.Call c, Names names) {
        Kql k = known.get(c);
        if (k != null) return k;
        PqFunctions.Function f = PqFunctions.defaults().lookup(c.name());
        List<Kql> a = new ArrayList<>();
        for (PqExpr x : c.args()) a.add(write(x, names));
        String n = c.name();
        switch (n) {
            case "len":
                return new Kql("strlen(" + text(a.get(0)) + ")", Type.NUMBER);
            case "lower":
                return new Kql("tolower(" + text(a.get(0)) + ")", Type.TEXT);
            case "upper":
                return new Kql("toupper(" + text(a.get(0)) + ")", Type.TEXT);
            case "trim":
            case "ltrim":
            case "rtrim": {
                String chars;
                if (a.size() > 1) {
                    if (!(c.args().get(1) instanceof PqExpr.Literal lit) || !(lit.value() instanceof StringValue s)) {
                        return untranslated(c, "the characters to trim are not a constant text");
                    }
                    chars = s.value();
                } else {
                    chars = " \t\r\n";
                }
                String set = KqlLiteral.string("[" + charClass(chars) + "]+");
                String fn = n.equals("trim") ? "trim" : n.equals("ltrim") ? "trim_start" : "trim_end";
                return new Kql(fn + "(" + set + ", " + text(a.get(0)) + ")", Type.TEXT);
            }
            case "substr": {
                String s = text(a.get(0));
                String start = bound(c.args().get(1), a.get(1));
                if (a.size() > 2) return new Kql("substring(" + s + ", " + start + ", " + bound(c.args().get(2), a.get(2)) + ")", Type.TEXT);
                return new Kql("substring(" + s + ", " + start + ")", Type.TEXT);
            }
            case "replace": {
                if (!(c.args().get(1) instanceof PqExpr.Literal p) || !(c.args().get(2) instanceof PqExpr.Literal r)) {
                    return untranslated(c, "a pattern or replacement that is not a constant");
                }
                RegexTranslation rx = RegexTranslation.of(p.value().text(), true, RegexEngine.RE2);
                if (!rx.ok()) return untranslated(c, "a pattern that uses " + String.join(", ", rx.unsupported()));
                for (String diff : rx.differences()) {
                    diagnostics.add(Diagnostic.of(Code.TRANSLATION_REGEX_DIFFERENCE, "the pattern uses " + diff
                            + "; the output may differ from SentinelOne's", c.span()));
                }
                return new Kql("replace_regex(" + text(a.get(0)) + ", " + KqlLiteral.string(rx.pattern()) + ", "
                        + KqlLiteral.string(rewrite(r.value().text())) + ")", Type.TEXT);
            }
            case "isempty":
                return new Kql(a.get(0).type() == Type.TEXT || a.get(0).type() == Type.NULL ? "isempty(" + text(a.get(0)) + ")"
                        : "isnull(" + a.get(0).text() + ")", Type.BOOL);
            case "isblank":
                return new Kql(a.get(0).type() == Type.TEXT || a.get(0).type() == Type.NULL
                        ? "isempty(trim(" + KqlLiteral.string("[ \\t\\r\\n]+") + ", " + text(a.get(0)) + "))"
                        : "isnull(" + a.get(0).text() + ")", Type.BOOL);
            case "bool":
                return new Kql(truthy(a.get(0)), Type.BOOL);
            case "string":
                return new Kql(text(a.get(0)), Type.TEXT);
            case "number":
                if (a.get(0).type() == Type.TEXT) {
                    return new Kql("iff(isempty(" + a.get(0).text() + "), 0.0, " + number(a.get(0)) + ")", Type.NUMBER);
                }
                return new Kql("coalesce(todouble(" + number(a.get(0)) + "), 0.0)", Type.NUMBER);
            case "abs":
                return new Kql("abs(" + number(a.get(0)) + ")", Type.NUMBER);
            case "ceiling":
                return new Kql("ceiling(" + number(a.get(0)) + ")", Type.NUMBER);
            case "floor":
                return new Kql("floor(" + number(a.get(0)) + ", 1)", Type.NUMBER);
            case "exp":
                return new Kql("exp(" + number(a.get(0)) + ")", Type.NUMBER);
            case "sqrt":
                return new Kql("iff(" + number(a.get(0)) + " >= 0, sqrt(" + number(a.get(0)) + "), real(null))", Type.NUMBER);
            case "ln":
                return new Kql("iff(" + number(a.get(0)) + " > 0, log(" + number(a.get(0)) + "), real(null))", Type.NUMBER);
            case "pow":
                return new Kql("pow(" + number(a.get(0)) + ", " + number(a.get(1)) + ")", Type.NUMBER);
            case "net_ipv4", "net_ipv6", "net_ip", "net_rfc1918", "net_rfc4193", "net_private":
                return new Kql(NetFunctionsKql.test(n, text(a.get(0))), Type.BOOL);
            case "net_ipsubnet": {
                if (!(c.args().get(1) instanceof PqExpr.Literal cidr)) {
                    return untranslated(c, "net_ipsubnet() with a subnet that is not a constant");
                }
                String kql = NetFunctionsKql.inSubnet(text(a.get(0)), cidr.value().text());
                return kql == null ? untranslated(c, "an IPv6 subnet") : new Kql(kql, Type.BOOL);
            }
            case "min":
            case "max":
                if (a.size() == 2) {
                    String x = number(a.get(0));
                    String y = number(a.get(1));
                    return new Kql("iff(isnull(" + x + ") or isnull(" + y + "), real(null), " + (n.equals("min") ? "min_of(" : "max_of(")
                            + x + ", " + y + "))", Type.NUMBER);
                }
                break;
            default:
                break;
        }
        if (f == null) return untranslated(c, "an unknown function");
        return untranslated(c, f.kind() == PqFunctions.Kind.AGGREGATE ? "an aggregate outside group" : "no KQL translation");
    }

    /** A substring bound: 0-based, never below 0; a constant is written as the whole number it is. */
    private String bound(PqExpr e, Kql v) {
        if (e instanceof PqExpr.Literal l && l.value() instanceof NumberValue n) {
            return Long.toString(Math.max(0, n.number().setScale(0, java.math.RoundingMode.FLOOR).longValueExact()));
        }
        return "tolong(max_of(0.0, floor(" + number(v) + ", 1)))";
    }

    /** A regex character class holding exactly these characters. */
    private static String charClass(String chars) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chars.length(); i++) {
            char ch = chars.charAt(i);
            switch (ch) {
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\\', ']', '[', '^', '-' -> b.append('\\').append(ch);
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** PowerQuery's replacement ($1 for a group, \$ for a dollar sign) as replace_regex's rewrite (\1 for a group). */
    private static String rewrite(String replacement) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char ch = replacement.charAt(i);
            if (ch == '\\' && i + 1 < replacement.length() && replacement.charAt(i + 1) == '$') {
                r.append('$');
                i++;
            } else if (ch == '$' && i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1))) {
                r.append('\\');
            } else if (ch == '\\') {
                r.append("\\\\");
            } else {
                r.append(ch);
            }
        }
        return r.toString();
    }

    Kql untranslated(PqExpr.Call c, String why) {
        diagnostics.add(Diagnostic.of(Code.PIPELINE_FUNCTION_NOT_TRANSLATED, c.function() + "() is not translated to "
                + "KQL (" + why + ")", c.span(), "compute it with s1ql eval, or leave it out of the query"));
        return new Kql("\"\"", Type.NULL);
    }
}
