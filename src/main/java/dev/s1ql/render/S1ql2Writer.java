// Writes an AST as S1QL 2.0 (spec §7.2, mapping of §7.4) with every case rule explicit: `fmt` of 2.0 queries
// and the 1.0 → 2.0 migration both use it. The reading decisions (case, numbers, shortcut members, what a regex
// needs) are the translation core's, shared with every target; the text keeps the query's own structure, with
// parentheses around every AND inside an OR, as SentinelOne's own converter writes them (2.0 documents no
// precedence). What 2.0 cannot say the same way is a diagnostic, never a silent loss.
package dev.s1ql.render;

import dev.s1ql.ast.And;
import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.NumberValue;
import dev.s1ql.ast.Operator;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.PqText;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.Stage;
import dev.s1ql.ast.StringValue;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import dev.s1ql.catalog.FieldType;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.S1ql2Strings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

public final class S1ql2Writer {

    /** The 2.0 text (null when an error prevented it) and the diagnostics. */
    public record Result(String text, List<Diagnostic> diagnostics) {
    }

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Whether the source is S1QL 1.0, whose field names must be mapped to 2.0 names. */
    private boolean from1;
    private dev.s1ql.ast.Dialect dialect;
    /** How a 1.0 RegExp is read (the core's regex-case reading). */
    private boolean regexCaseInsensitive = true;
    /** The spellings of and, or and equality: the words, or with {@link #marked} the 2.0-only symbols. */
    private String andWord = " and ";
    private String orWord = " or ";
    private String eq = " = ";

    /** Writes the query's filter and (for PowerQuery) its stages, reading a 1.0 RegExp as case-insensitive. */
    public static Result write(Query query) {
        return write(query, true);
    }

    /** Writes the query; {@code regexCaseInsensitive} is how a 1.0 RegExp is read (--regex-case). */
    public static Result write(Query query, boolean regexCaseInsensitive) {
        return write(query, regexCaseInsensitive, false);
    }

    /**
     * The same query with and, or and equality spelled {@code &&}, {@code ||} and {@code ==}: marks of 2.0 that
     * S1QL 1.0 lacks, for a query whose plain text the dialect detector would read as 1.0 (fmt of
     * {@code a < 1 b < 2} must not print the 1.0 query {@code a < 1 and b < 2}).
     */
    public static Result writeMarked(Query query) {
        return write(query, true, true);
    }

    private static Result write(Query query, boolean regexCaseInsensitive, boolean marked) {
        S1ql2Writer w = new S1ql2Writer();
        w.regexCaseInsensitive = regexCaseInsensitive;
        if (marked) {
            w.andWord = " && ";
            w.orWord = " || ";
            w.eq = " == ";
        }
        w.dialect = query.dialect();
        w.from1 = query.dialect() == dev.s1ql.ast.Dialect.S1QL_1;
        StringBuilder sb = new StringBuilder();
        if (query.root() != null) sb.append(w.expr(query.root(), false));
        for (Stage s : query.pipeline()) sb.append(sb.length() == 0 ? "| " : " | ").append(w.stage(s));
        boolean failed = w.diagnostics.stream().anyMatch(Diagnostic::isError);
        return new Result(failed ? null : sb.toString(), List.copyOf(w.diagnostics));
    }

    private String expr(Expr e, boolean insideAnd) {
        if (e instanceof Or or) {
            String s = or.operands().stream().map(x -> x instanceof And ? "(" + expr(x, false) + ")" : expr(x, false))
                    .collect(Collectors.joining(orWord));
            return insideAnd ? "(" + s + ")" : s;
        }
        if (e instanceof And and) {
            return and.operands().stream().map(x -> expr(x, true)).collect(Collectors.joining(andWord));
        }
        if (e instanceof Not not) {
            return "!(" + expr(not.operand(), false) + ")";
        }
        String p = predicate((Predicate) e);
        return insideAnd && p.contains(orWord) ? "(" + p + ")" : p;
    }

    private String predicate(Predicate p) {
        List<String> fields = fieldNames(p);
        if (fields.isEmpty()) return "false";
        if (fields.size() == 1) return predicate(p, fields.get(0));
        // A legacy name without a 2.0 twin stands for several fields: OR over them, as 1.0 reads it.
        return "(" + fields.stream().map(f -> predicate(p, f)).collect(Collectors.joining(orWord)) + ")";
    }

    private List<String> fieldNames(Predicate p) {
        FieldRef f = p.field();
        FieldInfo info = f.resolved();
        if (!from1 && (info == null || info.s1ql2().isEmpty())) return List.of(f.written());
        if (info == null) {
            if (!(f.written().contains(".") || f.written().startsWith("#") || f.written().equals("*"))) {
                // written as it is, so that every valid query migrates; the user sees what to check
                diagnostics.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_FIELD, "no S1QL 2.0 name is known for "
                        + "field '" + f.written() + "': it is written unchanged", f.span(),
                        "add it to the field catalog, or rename the field"));
            }
            return List.of(f.written());
        }
        // A 1.0 shortcut (CmdLine, IP, Md5) becomes an OR over concrete 2.0 fields: the 2.0 #shortcuts
        // are unreliable across tenants (spec §7.1, AISIEM pitfalls).
        if (!info.s1ql2().isEmpty() && info.kind() != FieldKind.SHORTCUT) return List.of(info.s1ql2());
        List<String> out = new ArrayList<>();
        for (String m : info.members()) {
            FieldInfo mi = dev.s1ql.catalog.FieldCatalog.defaults().lookup(m);
            if (mi != null && !mi.s1ql2().isEmpty()) out.add(mi.s1ql2());
        }
        if (out.isEmpty()) {
            // written as it is, a 1.0 name the catalog knows makes the 2.0 text a mixture of dialects (S2501),
            // which validate rejects and SentinelOne never matches: refused, like a field a target lacks
            diagnostics.add(Diagnostic.of(Code.TRANSLATION_UNMAPPED_FIELD, "no S1QL 2.0 name is known for the "
                    + (info.kind() == FieldKind.LEGACY ? "legacy " : "") + "field '" + f.written() + "', and written "
                    + "as it is in 2.0 it is a 1.0 name (S2501)", f.span(),
                    "rename the field, or add its 2.0 name to the field catalog"));
            return List.of(f.written());
        } else if (info.approximate()) {
            diagnostics.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_FIELD, "'" + f.written() + "' is written as "
                    + String.join(" or ", out) + " (s1ql's reading of this " + (info.kind() == FieldKind.SHORTCUT
                    ? "shortcut" : "legacy name") + ")", f.span(), null));
        }
        return out;
    }

    /** Whether text comparisons on this field ignore case in the source dialect (the one rule, CaseRules). */
    private boolean ignoresCase(Predicate p) {
        FieldInfo info = p.field().resolved();
        return dev.s1ql.ast.CaseRules.ignoresCase(p.operator(), info != null && info.isEnum(), dialect, true,
                regexCaseInsensitive);
    }

    private String predicate(Predicate p, String f) {
        Operator op = p.operator();
        boolean ci = ignoresCase(p);
        String mod = ci ? ":anycase" : ":matchcase";
        String s;
        switch (op.kind()) {
            case EXISTS -> s = f + eq + "*";
            case EMPTY -> s = op.negated() ? "(" + f + " = * and " + f + " != '')" : "(!(" + f + " = *) or " + f + " = '')";
            case BOOL -> s = f + eq + ((BoolValue) p.value()).value();
            case RANGE -> s = "(" + f + " >= " + scalar(p, p.values().get(0)) + " and " + f + " <= "
                    + scalar(p, p.values().get(1)) + ")";
            case COMPARE -> s = f + " " + op.comparison().symbol() + " " + scalar(p, p.value());
            case EQUALS -> {
                if (ci && !isNumeric(p)) s = f + " in:anycase (" + literal(p.value()) + ")";
                else s = f + eq + scalar(p, p.value());
                if (op.negated()) return negated(f, s, ci && !isNumeric(p));
            }
            case IN -> s = f + " in" + mod + " (" + list(p.values()) + ")";
            case CONTAINS -> s = f + " contains" + mod + " " + literal(p.value());
            case IN_CONTAINS -> s = f + " contains" + mod + " (" + list(p.values()) + ")";
            // 2.0 text keeps its prefix / suffix tests (starts_with / ends_with, AISIEM SKILL.md); 1.0 migrates to
            // the regex SentinelOne's own converter writes
            case STARTS_WITH -> s = from1 ? f + " matches" + mod + " " + S1ql2Strings.quote("^" + regexLiteral(p.value().text()))
                    : f + " starts_with" + mod + " " + literal(p.value());
            // \z, not $: java.util.regex's $ also matches before a final line break ("a//\r\n" does not end with "//")
            case ENDS_WITH -> s = from1 ? f + " matches" + mod + " " + S1ql2Strings.quote(regexLiteral(p.value().text()) + "\\z")
                    : f + " ends_with" + mod + " " + literal(p.value());
            case REGEX -> {
                regexLimits(p);
                // 2.0's plain matches ignores case, as SentinelOne's own converter writes a 1.0 RegExp
                String m = from1 && ci ? "" : mod;
                s = f + " matches" + m + " " + S1ql2Strings.quote(p.value().text());
            }
            default -> throw new IllegalStateException(op.kind().toString());
        }
        if (op.negated() && op.kind() != MatchKind.EMPTY) return negated(f, s, true);
        return s;
    }

    /**
     * A negated 1.0 operator is false on an event without the field; `!(...)` alone would be true there, so
     * the field's presence is required too. `!=` needs no guard: 2.0 comparisons never match a missing field.
     */
    private String negated(String f, String positive, boolean guard) {
        if (!guard) return positive.replaceFirst(java.util.regex.Pattern.quote(eq), " != ");
        return "(" + f + " = * and !(" + positive + "))";
    }

    /** A stage in canonical PowerQuery text (PqText): what is printed parses back to the same stage. */
    private String stage(Stage s) {
        return PqText.stage(s);
    }

    private String list(List<Value> values) {
        return values.stream().map(this::literal).collect(Collectors.joining(", "));
    }

    private String literal(Value v) {
        if (v instanceof NumberValue n) return n.literal();
        if (v instanceof BoolValue b) return Boolean.toString(b.value());
        return S1ql2Strings.quote(((StringValue) v).value());
    }

    /**
     * Numbers bare on number fields (and fields of unknown type) so that 2.0 compares them as numbers; true and
     * false bare on boolean fields. What is a number is the one rule (NumberText): {@code "1e3"} stays text. A 2.0
     * query (fmt) keeps its values as written: {@code pid = '12'} stays quoted, a text value, not the number 12.
     */
    private String scalar(Predicate p, Value v) {
        if (!from1) return literal(v);
        if (v instanceof BoolValue b) return Boolean.toString(b.value());
        FieldInfo info = p.field().resolved();
        boolean numericField = info == null || info.type() == FieldType.NUMBER;
        if (numericField && isNumber(v.text())) return v.text();
        if (info != null && info.type() == FieldType.BOOL && (v.text().equalsIgnoreCase("true")
                || v.text().equalsIgnoreCase("false"))) {
            return v.text().toLowerCase(java.util.Locale.ROOT);
        }
        return literal(v);
    }

    private boolean isNumeric(Predicate p) {
        FieldInfo info = p.field().resolved();
        return info != null && (info.type() == FieldType.NUMBER && isNumber(p.value().text())
                || info.type() == FieldType.BOOL && p.value().text().matches("(?i)true|false"));
    }

    private static boolean isNumber(String s) {
        return dev.s1ql.ast.NumberText.parse(s) != null;
    }

    /** SentinelOne's documented limits of 2.0 regexes (look-around, named groups, lazy quantifiers, length). */
    private void regexLimits(Predicate p) {
        // an invalid pattern (S2004: it never matches, in 1.0 and in 2.0) is written as it is; only a valid one has limits
        if (!compiles(p.value().text())) return;
        dev.s1ql.regex.RegexTranslation rx = dev.s1ql.regex.RegexTranslation.of(p.value().text(), false,
                dev.s1ql.regex.RegexEngine.S1_2_0);
        for (String limit : rx.limits()) {
            diagnostics.add(Diagnostic.of(Code.TRANSLATION_TARGET_LIMIT, "the pattern uses " + limit
                    + "; SentinelOne may reject it in 2.0", p.value().span()));
        }
    }

    private static boolean compiles(String regex) {
        try {
            java.util.regex.Pattern.compile(regex);
            return true;
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    /** A literal text as a regex matching exactly it (java.util.regex metacharacters escaped). */
    static String regexLiteral(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

}
