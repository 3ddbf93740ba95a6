// Writes PowerQuery stage expressions as SPL eval expressions with the evaluator's semantics (docs/powerquery.md,
// "Values"): each expression has a static type; event fields are text; numbers come from tonumber(); booleans are
// eval conditions that are never null (SPL's comparisons with a missing field are null, so every test is guarded
// with isnotnull()). Filter-language tests go through the translation core and SplPredicates, as the search does.
// A value an eval needs before the command that uses it (the subject of a text test on a computed value) is a
// temporary field s1ql_tN, collected in pending() for the stage writer.
package dev.s1ql.render.spl;

import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Dialect;
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
import dev.s1ql.regex.RegexEngine;
import dev.s1ql.regex.RegexTranslation;
import dev.s1ql.translate.core.Cond;
import dev.s1ql.translate.core.EventClass;
import dev.s1ql.translate.core.EventUniverse;
import dev.s1ql.translate.core.LegPlan;
import dev.s1ql.translate.core.Leaf;
import dev.s1ql.translate.core.Lowering;
import dev.s1ql.translate.core.LoweringOptions;
import dev.s1ql.translate.core.Specializer;
import dev.s1ql.translate.core.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

final class SplPipelineExpr {

    enum Type { TEXT, NUMBER, BOOL, LIST, NULL }

    /** An eval expression and its type. */
    record Spl(String text, Type type) {
    }

    /** A name a stage made: its Splunk field and the type of what the field holds. */
    record Made(String field, Type type) {
        Spl value() {
            return new Spl(SplLiteral.evalField(field), type);
        }
    }

    /** What names mean where an expression is written. */
    interface Names {
        /** The made name {@code written} refers to, or null (then an event field, when events are readable). */
        Made made(String written);

        boolean eventsReadable();
    }

    /** The name a text test's subject expression stands under while the core lowers the test. */
    private static final String SUBJECT = "s1ql:subject";
    private static final Specializer SPECIALIZER = new Specializer(EventUniverse.defaults());

    private final SplEventFields fields;
    private final Dialect dialect;
    private final LoweringOptions readings;
    private final List<Diagnostic> diagnostics;
    private final List<String> pending = new ArrayList<>();
    private final List<String> temps = new ArrayList<>();
    private final Map<PqExpr.Call, Spl> known = new IdentityHashMap<>();
    private int counter;

    SplPipelineExpr(SplEventFields fields, Dialect dialect, LoweringOptions readings, List<Diagnostic> diagnostics) {
        this.fields = fields;
        this.dialect = dialect;
        this.readings = readings;
        this.diagnostics = diagnostics;
    }

    /** A fresh helper field name. */
    String fresh(String prefix) {
        return "s1ql_" + prefix + (++counter);
    }

    /** Assignments (field=expression) that must run before the expression last written is used; cleared. */
    List<String> takePending() {
        List<String> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** The temporary fields made since the last call; cleared. */
    List<String> takeTemps() {
        List<String> out = List.copyOf(temps);
        temps.clear();
        return out;
    }

    void know(PqExpr.Call c, Spl value) {
        known.put(c, value);
    }

    void forget() {
        known.clear();
    }

    // ------------------------------------------------------------------ conversions

    static String number(Spl s) {
        return switch (s.type()) {
            case NUMBER -> s.text();
            case TEXT -> "tonumber(" + s.text() + ")";
            default -> "null()";
        };
    }

    static String text(Spl s) {
        return switch (s.type()) {
            case TEXT, LIST -> s.text();
            case NUMBER -> "tostring(" + s.text() + ")";
            case BOOL -> "if(" + s.text() + ", \"true\", \"false\")";
            case NULL -> "null()";
        };
    }

    /** Truthiness, never null: null, false, 0, "" (and the texts false and 0) are false. */
    static String truthy(Spl s) {
        return switch (s.type()) {
            case BOOL -> s.text();
            case NUMBER -> "(isnotnull(" + s.text() + ") AND " + s.text() + "!=0)";
            case TEXT -> "(isnotnull(" + s.text() + ") AND NOT in(" + s.text() + ", \"\", \"false\", \"0\"))";
            case LIST -> "(isnotnull(" + s.text() + ") AND mvcount(" + s.text() + ")>0)";
            case NULL -> "false()";
        };
    }

    /** The value as a field can hold it: SPL fields cannot hold a boolean, so a condition becomes "true"/"false". */
    static Spl stored(Spl s) {
        return s.type() == Type.BOOL ? new Spl(text(s), Type.TEXT) : s;
    }

    private static Spl as(Spl s, Type t) {
        if (s.type() == t) return s;
        return switch (t) {
            case TEXT -> new Spl(text(s), Type.TEXT);
            case NUMBER -> new Spl(number(s), Type.NUMBER);
            case BOOL -> new Spl(truthy(s), Type.BOOL);
            default -> s;
        };
    }

    /** Two values as one type (for if() branches): the same type, or text. */
    private static Spl[] unify(Spl a, Spl b) {
        if (a.type() == b.type()) return new Spl[] {a, b};
        if (a.type() == Type.NULL) return new Spl[] {new Spl("null()", b.type()), b};
        if (b.type() == Type.NULL) return new Spl[] {a, new Spl("null()", a.type())};
        return new Spl[] {as(a, Type.TEXT), as(b, Type.TEXT)};
    }

    // ------------------------------------------------------------------ expressions

    Spl write(PqExpr e, Names names) {
        if (e instanceof PqExpr.Literal l) {
            if (l.value() instanceof StringValue s) {
                if (!SplLiteral.isQuotable(s.value())) return untranslated(l.span(), "text with control characters");
                return new Spl(SplLiteral.quote(s.value()), Type.TEXT);
            }
            if (l.value() instanceof NumberValue n) return new Spl(n.number().toPlainString(), Type.NUMBER);
            return new Spl(((BoolValue) l.value()).value() ? "true()" : "false()", Type.BOOL);
        }
        if (e instanceof PqExpr.Null) return new Spl("null()", Type.NULL);
        if (e instanceof PqExpr.Name n) return name(n.field(), names);
        if (e instanceof PqExpr.Test t) return new Spl("(" + condition(t.expr(), names) + ")", Type.BOOL);
        if (e instanceof PqExpr.Match m) return match(m, names);
        if (e instanceof PqExpr.Conditional c) {
            String test = truthy(write(c.condition(), names));
            Spl a = write(c.then(), names);
            Spl b = write(c.otherwise(), names);
            if (a.type() == Type.BOOL && b.type() == Type.BOOL) {
                return new Spl("((" + test + " AND " + a.text() + ") OR (NOT " + test + " AND " + b.text() + "))", Type.BOOL);
            }
            Spl[] u = unify(a, b);
            return new Spl("if(" + test + ", " + u[0].text() + ", " + u[1].text() + ")", u[0].type());
        }
        if (e instanceof PqExpr.Unary u) {
            Spl v = write(u.operand(), names);
            if (u.op() == PqExpr.UnaryOp.NOT) return new Spl("(NOT " + truthy(v) + ")", Type.BOOL);
            return new Spl("(-" + number(v) + ")", Type.NUMBER);
        }
        if (e instanceof PqExpr.Binary b) return binary(b, names);
        return call((PqExpr.Call) e, names);
    }

    /** A filter-language condition over event fields and made names, as an eval condition (never null). */
    String condition(dev.s1ql.ast.Expr e, Names names) {
        Cond cond = new Lowering(readings).stageCondition(e, dialect, n -> names.made(n) != null, diagnostics);
        return lowered(cond, e.span(), t -> {
            Made m = names.made(t.field());
            if (m != null) return SplPredicates.leaf(t, m.field(), new SplDerivation.Value(), List.of());
            if (!names.eventsReadable()) return Leaf.decided(t.kind() == dev.s1ql.ast.MatchKind.EXISTS && t.negated());
            return eventLeaf(t);
        });
    }

    private String lowered(Cond cond, Span span, java.util.function.Function<Test, Leaf<SplCond>> leaves) {
        LegPlan.Outcome<SplCond, Void> out = LegPlan.translate(cond, List.of(LegPlan.Leg.<Void>of(EventClass.ANY, null)),
                (t, leg) -> leaves.apply(t), new Combine(), SPECIALIZER, span);
        diagnostics.addAll(out.diagnostics());
        if (!out.ok()) {
            if (out.lost().isEmpty()) {
                diagnostics.removeIf(d -> d.code() == Code.TRANSLATION_NO_TABLE);
                return "false()";
            }
            return "false()"; // an error was reported: the pipeline is not written
        }
        var r = out.kept().get(0).result();
        return r.isConstant() ? (r.constant() ? "true()" : "false()") : SplWriter.eval(r.value());
    }

    /** A test on an event field, on the Splunk field that holds it (or on a temporary field with its value). */
    private Leaf<SplCond> eventLeaf(Test t) {
        List<Diagnostic> found = new ArrayList<>();
        SplEventFields.Reading r = fields.reading(t.field(), t.info(), t.fieldSpan(), found);
        if (r == null) {
            Diagnostic error = found.stream().filter(Diagnostic::isError).findFirst().orElseThrow();
            return Leaf.unwritable(error);
        }
        diagnostics.addAll(found);
        if (r instanceof SplEventFields.Direct d) {
            return SplPredicates.leaf(t, d.target(), d.derivation(), d.mapping() == null ? List.of()
                    : fieldsPrefixes(t, d));
        }
        String temp = temp(((SplEventFields.Computed) r).expression());
        return SplPredicates.leaf(t, temp, new SplDerivation.Value(), List.of());
    }

    private List<dev.s1ql.translate.core.PrefixRewrite.Root> fieldsPrefixes(Test t, SplEventFields.Direct d) {
        return prefixes == null ? List.of() : prefixes.apply(t.field(), d.mapping().fieldSet());
    }

    /** The profile's value-prefix rewrites (set by the stage writer for mapped profiles). */
    java.util.function.BiFunction<String, String, List<dev.s1ql.translate.core.PrefixRewrite.Root>> prefixes;

    /** A temporary field holding {@code expression}, assigned before the command that reads it. */
    private String temp(String expression) {
        String name = fresh("t");
        pending.add(name + "=" + expression);
        temps.add(name);
        return name;
    }

    private Spl match(PqExpr.Match m, Names names) {
        Spl subject = write(m.subject(), names);
        String temp = temp(text(subject));
        FieldRef placeholder = new FieldRef(SUBJECT, null, Span.NONE);
        Predicate p = new Predicate(placeholder, m.operator(), m.values(), m.span());
        Cond cond = new Lowering(readings).stageCondition(p, dialect, SUBJECT::equals, diagnostics);
        String c = lowered(cond, m.span(), t -> SplPredicates.leaf(t, temp, new SplDerivation.Value(), List.of()));
        return new Spl("(" + c + ")", Type.BOOL);
    }

    /** A name: a made name, else an event field as text (an alias or shortcut: its first present member). */
    private Spl name(FieldRef f, Names names) {
        Made m = names.made(f.written());
        if (m != null) return m.value();
        if (!names.eventsReadable()) return new Spl("null()", Type.NULL);
        FieldInfo info = f.resolved() != null ? f.resolved() : FieldCatalog.defaults().lookupS1ql2(f.written());
        List<String> reads = new ArrayList<>();
        if (info == null) {
            reads.add(read(f.written(), null, f.span()));
        } else if (info.kind() == FieldKind.FIELD || info.members().isEmpty()) {
            reads.add(read(info.name(), info, f.span()));
        } else {
            for (String member : info.members()) reads.add(read(member, FieldCatalog.defaults().lookup(member), f.span()));
        }
        if (reads.contains(null)) return new Spl("null()", Type.NULL);
        return new Spl(reads.size() == 1 ? reads.get(0) : "coalesce(" + String.join(", ", reads) + ")", Type.TEXT);
    }

    private String read(String field, FieldInfo info, Span span) {
        SplEventFields.Reading r = fields.reading(field, info, span, diagnostics);
        if (r == null) return null;
        if (r instanceof SplEventFields.Direct d) return d.derivation().value(SplLiteral.evalField(d.target()));
        return ((SplEventFields.Computed) r).expression();
    }

    private Spl binary(PqExpr.Binary b, Names names) {
        PqExpr.BinaryOp op = b.op();
        Spl l = write(b.left(), names);
        Spl r = write(b.right(), names);
        if (op == PqExpr.BinaryOp.AND || op == PqExpr.BinaryOp.OR) {
            if (l.type() == Type.BOOL && r.type() == Type.BOOL) {
                return new Spl("(" + l.text() + (op == PqExpr.BinaryOp.AND ? " AND " : " OR ") + r.text() + ")", Type.BOOL);
            }
            Spl[] u = unify(l, r);
            String test = truthy(l);
            return op == PqExpr.BinaryOp.OR
                    ? new Spl("if(" + test + ", " + u[0].text() + ", " + u[1].text() + ")", u[0].type())
                    : new Spl("if(" + test + ", " + u[1].text() + ", " + u[0].text() + ")", u[0].type());
        }
        if (op.isComparison()) return new Spl(compare(op, l, r), Type.BOOL);
        String x = number(l);
        String y = number(r);
        String value = switch (op) {
            case ADD -> "(" + x + " + " + y + ")";
            case SUB -> "(" + x + " - " + y + ")";
            case MUL -> "(" + x + " * " + y + ")";
            case DIV -> nonZero(b.right()) ? "(" + x + " / " + y + ")" : "if(" + y + "==0, null(), " + x + " / " + y + ")";
            default -> nonZero(b.right()) ? "(" + x + " % " + y + ")" : "if(" + y + "==0, null(), " + x + " % " + y + ")";
        };
        if (op == PqExpr.BinaryOp.ADD && (l.type() == Type.TEXT || r.type() == Type.TEXT)) {
            // text that is not a number joins as text (null as nothing), as the evaluator's `+`
            List<String> present = new ArrayList<>();
            if (l.type() == Type.TEXT) present.add("(isnotnull(" + l.text() + ") AND isnull(" + x + "))");
            if (r.type() == Type.TEXT) present.add("(isnotnull(" + r.text() + ") AND isnull(" + y + "))");
            String join = "coalesce(" + text(l) + ", \"\") . coalesce(" + text(r) + ", \"\")";
            return new Spl("if(isnotnull(" + x + ") AND isnotnull(" + y + "), tostring(" + value + "), if("
                    + String.join(" OR ", present) + ", " + join + ", null()))", Type.TEXT);
        }
        return new Spl(value, Type.NUMBER);
    }

    /** A number literal other than 0 (a division by it needs no guard). */
    private static boolean nonZero(PqExpr e) {
        return e instanceof PqExpr.Literal l && l.value() instanceof NumberValue n && n.number().signum() != 0;
    }

    /**
     * Two numbers (text reading as one included) compare as numbers, two texts as text, two booleans as booleans;
     * null equals only null; anything else is unequal and unordered. Never null.
     */
    private String compare(PqExpr.BinaryOp op, Spl l, Spl r) {
        boolean eq = op == PqExpr.BinaryOp.EQ || op == PqExpr.BinaryOp.NE;
        String sym = eq ? "==" : op.symbol();
        if (l.type() == Type.NULL || r.type() == Type.NULL) {
            Spl other = l.type() == Type.NULL ? r : l;
            String isNull = other.type() == Type.NULL ? "true()" : other.type() == Type.BOOL ? "false()"
                    : "isnull(" + other.text() + ")";
            if (!eq) return "false()";
            return op == PqExpr.BinaryOp.EQ ? isNull : "(NOT " + isNull + ")";
        }
        String a;
        String b;
        if (l.type() == Type.BOOL || r.type() == Type.BOOL) {
            if (l.type() != r.type()) return op == PqExpr.BinaryOp.NE ? "true()" : "false()";
            a = "if(" + l.text() + ", 1, 0)";
            b = "if(" + r.text() + ", 1, 0)";
        } else if (l.type() == Type.NUMBER || r.type() == Type.NUMBER) {
            a = number(l);
            b = number(r);
        } else {
            a = l.text();   // two texts: SPL compares them as numbers when both read as numbers, else as text
            b = r.text();
        }
        String both = "isnotnull(" + a + ") AND isnotnull(" + b + ")";
        String cmp = "(" + both + " AND " + a + sym + b + ")";
        if (!eq) return cmp;
        String nulls = "(isnull(" + l.text() + ") AND isnull(" + r.text() + "))";
        if (l.type() == Type.BOOL) nulls = "false()";
        String equal = "(" + cmp + " OR " + nulls + ")";
        return op == PqExpr.BinaryOp.EQ ? equal : "(NOT " + equal + ")";
    }

    // ------------------------------------------------------------------ functions

    private Spl call(PqExpr.Call c, Names names) {
        Spl k = known.get(c);
        if (k != null) return k;
        PqFunctions.Function f = PqFunctions.defaults().lookup(c.name());
        List<Spl> a = new ArrayList<>();
        for (PqExpr x : c.args()) a.add(write(x, names));
        String n = c.name();
        switch (n) {
            case "len":
                return new Spl("len(" + text(a.get(0)) + ")", Type.NUMBER);
            case "lower":
            case "upper":
                return new Spl(n + "(" + text(a.get(0)) + ")", Type.TEXT);
            case "trim":
            case "ltrim":
            case "rtrim": {
                if (a.size() > 1) return new Spl(n + "(" + text(a.get(0)) + ", " + text(a.get(1)) + ")", Type.TEXT);
                // SPL's trim() without characters removes spaces and tabs only; PowerQuery's also CR and LF
                String ws = "[ \\t\\r\\n]+";
                String re = n.equals("trim") ? "^" + ws + "|" + ws + "$" : n.equals("ltrim") ? "^" + ws : ws + "$";
                return new Spl("replace(" + text(a.get(0)) + ", " + SplLiteral.quote(re) + ", \"\")", Type.TEXT);
            }
            case "substr": {
                // PowerQuery counts from 0 and reads a negative start as 0; SPL counts from 1
                String s = text(a.get(0));
                String start = startOf(c.args().get(1), a.get(1));
                String out = a.size() > 2 ? "substr(" + s + ", " + start + ", max(0, floor(" + number(a.get(2)) + ")))"
                        : "substr(" + s + ", " + start + ")";
                List<String> nulls = new ArrayList<>();
                if (a.get(1).type() != Type.NUMBER || !(c.args().get(1) instanceof PqExpr.Literal)) {
                    nulls.add("isnull(" + number(a.get(1)) + ")");
                }
                if (a.size() > 2 && !(c.args().get(2) instanceof PqExpr.Literal)) nulls.add("isnull(" + number(a.get(2)) + ")");
                return new Spl(nulls.isEmpty() ? out : "if(" + String.join(" OR ", nulls) + ", null(), " + out + ")", Type.TEXT);
            }
            case "replace": {
                if (!(c.args().get(1) instanceof PqExpr.Literal p) || !(c.args().get(2) instanceof PqExpr.Literal r)) {
                    return untranslated(c, "replace() with a pattern or replacement that is not a constant");
                }
                RegexTranslation rx = RegexTranslation.of(p.value().text(), true, RegexEngine.PCRE);
                if (!rx.ok()) return untranslated(c, "a pattern that uses " + String.join(", ", rx.unsupported()));
                for (String diff : rx.differences()) {
                    diagnostics.add(Diagnostic.of(Code.TRANSLATION_REGEX_DIFFERENCE, "the pattern uses " + diff
                            + "; the output may differ from SentinelOne's", c.span()));
                }
                // PowerQuery's $1 is SPL's \1; a literal backslash is \\ (SPL's replace() reads backslash escapes)
                String replacement = r.value().text().replace("\\", "\\\\").replaceAll("\\$(\\d)", "\\\\$1");
                if (!SplLiteral.isQuotable(rx.pattern()) || !SplLiteral.isQuotable(replacement)) {
                    return untranslated(c, "a pattern with control characters");
                }
                return new Spl("replace(" + text(a.get(0)) + ", " + SplLiteral.quote(rx.pattern()) + ", "
                        + SplLiteral.quote(replacement) + ")", Type.TEXT);
            }
            case "isempty":
                return new Spl("(isnull(" + a.get(0).text() + ") OR " + text(a.get(0)) + "==\"\")", Type.BOOL);
            case "isblank":
                return new Spl("(isnull(" + a.get(0).text() + ") OR match(" + text(a.get(0)) + ", "
                        + SplLiteral.quote("^[ \\t\\r\\n]*$") + "))",
                        Type.BOOL);
            case "bool":
                return new Spl(truthy(a.get(0)), Type.BOOL);
            case "string":
                return new Spl(text(a.get(0)), Type.TEXT);
            case "number":
                return new Spl("if(isnull(" + a.get(0).text() + "), 0, " + number(a.get(0)) + ")", Type.NUMBER);
            case "abs":
            case "floor":
            case "exp":
                return new Spl(n + "(" + number(a.get(0)) + ")", Type.NUMBER);
            case "ceiling":
                return new Spl("ceiling(" + number(a.get(0)) + ")", Type.NUMBER);
            case "sqrt":
                return new Spl("if(" + number(a.get(0)) + ">=0, sqrt(" + number(a.get(0)) + "), null())", Type.NUMBER);
            case "ln":
                return new Spl("if(" + number(a.get(0)) + ">0, ln(" + number(a.get(0)) + "), null())", Type.NUMBER);
            case "pow":
                return new Spl("pow(" + number(a.get(0)) + ", " + number(a.get(1)) + ")", Type.NUMBER);
            case "min":
            case "max":
                if (a.size() == 2) {
                    String x = number(a.get(0));
                    String y = number(a.get(1));
                    return new Spl("if(isnull(" + x + ") OR isnull(" + y + "), null(), " + n + "(" + x + ", " + y + "))",
                            Type.NUMBER);
                }
                break;
            default:
                break;
        }
        if (f == null) return untranslated(c, "an unknown function");
        return untranslated(c, f.kind() == PqFunctions.Kind.AGGREGATE ? "an aggregate outside group" : "no SPL translation");
    }

    /** The 1-based SPL start of a 0-based PowerQuery start. */
    private static String startOf(PqExpr arg, Spl v) {
        if (arg instanceof PqExpr.Literal l && l.value() instanceof NumberValue n) {
            return Long.toString(Math.max(0, (long) Math.floor(n.number().doubleValue())) + 1);
        }
        return "(max(0, floor(" + number(v) + ")) + 1)";
    }

    Spl untranslated(PqExpr.Call c, String why) {
        diagnostics.add(Diagnostic.of(Code.PIPELINE_FUNCTION_NOT_TRANSLATED, c.function() + "() is not translated to "
                + "SPL (" + why + ")", c.span(), "compute it with s1ql eval, or leave it out of the query"));
        return new Spl("null()", Type.NULL);
    }

    private Spl untranslated(Span span, String why) {
        diagnostics.add(Diagnostic.of(Code.PIPELINE_FUNCTION_NOT_TRANSLATED, why + " cannot be written in SPL", span,
                null));
        return new Spl("null()", Type.NULL);
    }

    /** Combines the tests of a stage condition as SplRenderer does (AND, OR, NOT of SplCond). */
    private static final class Combine implements dev.s1ql.translate.core.Combinators<SplCond> {
        @Override
        public SplCond and(List<SplCond> parts) {
            return new SplCond.All(parts);
        }

        @Override
        public SplCond or(List<SplCond> parts) {
            return new SplCond.Any(parts);
        }

        @Override
        public SplCond not(SplCond leaf) {
            return new SplCond.Neg(leaf);
        }
    }
}
