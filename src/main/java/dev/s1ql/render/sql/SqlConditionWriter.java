// Writes an S1QL 1.0 expression as a SQL condition whose three-valued result is never NULL, so that SQL's
// AND / OR / NOT give exactly the interpreter's two-valued answer (docs/eval.md "Semantics", docs/sql.md).
package dev.s1ql.render.sql;

import dev.s1ql.ast.And;
import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Comparison;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.translate.Re2Compatibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Each predicate on one column {@code c} (NULL = the event has no such field) is written as
 * {@code coalesce(H, false)}, or {@code coalesce(NOT H, false)} for the negated operators, where {@code H} is
 * the test on a present value and is never NULL when {@code c} is not. So a predicate is false on a missing
 * field — {@code !=}, {@code Not In} and {@code Does Not Contain} included — and a prefix {@code NOT} of it is
 * true there, as the interpreter has it. {@code IS EMPTY} and {@code EXISTS} are written out directly.
 */
final class SqlConditionWriter {

    private final SqlDialect dialect;
    private final FieldCatalog catalog;
    private final ColumnNaming naming;
    private final boolean enumFieldsIgnoreCase;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<List<String>> columns = new LinkedHashSet<>();
    private final Set<List<String>> foldedColumns = new LinkedHashSet<>();
    private final SqlForm form;
    /** For pipeline stages: the text value of a name an earlier stage made, or null for an event field. */
    private java.util.function.Function<dev.s1ql.ast.FieldRef, String> madeNames = f -> null;

    SqlConditionWriter(SqlDialect dialect, FieldCatalog catalog, ColumnNaming naming, boolean enumFieldsIgnoreCase,
                       SqlForm form) {
        this.dialect = dialect;
        this.catalog = catalog;
        this.naming = naming;
        this.enumFieldsIgnoreCase = enumFieldsIgnoreCase;
        this.form = form;
    }

    /** Reads the names a pipeline stage made (PipelineSql) from {@code values} (text SQL) instead of columns. */
    SqlConditionWriter withMadeNames(java.util.function.Function<dev.s1ql.ast.FieldRef, String> values) {
        this.madeNames = values;
        return this;
    }

    /** With {@link SqlForm#SCAN}: the columns read lower-cased, each expected as column {@link SqlForm#folded}. */
    Set<List<String>> foldedColumns() {
        return foldedColumns;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The columns the condition reads, each a path of names (one name, or struct fields below a column). */
    Set<List<String>> columns() {
        return columns;
    }

    String write(Expr e) {
        if (e instanceof And a) return join(a.operands(), " AND ");
        if (e instanceof Or o) return join(o.operands(), " OR ");
        if (e instanceof Not n) return "NOT " + group(n.operand());
        return predicate((Predicate) e);
    }

    private String join(List<Expr> operands, String op) {
        List<String> parts = new ArrayList<>();
        for (Expr x : operands) parts.add(group(x));
        if (form == SqlForm.SCAN && op.equals(" AND ")) return SqlForm.shortCircuitAnd(parts);
        return String.join(op, parts);
    }

    /** An operand of AND / OR / NOT: parenthesised unless it is one predicate on one column. */
    private String group(Expr e) {
        String s = write(e);
        return e instanceof Predicate && !s.startsWith("(") ? s : "(" + s + ")";
    }

    /** One column a predicate reads: its path and whether it holds an enum. */
    private record Column(List<String> path, boolean isEnum) {
    }

    /**
     * The columns a field reads, as the interpreter binds it: a current field its own column; a legacy or
     * shortcut name each member's column and a key spelled like the alias itself; an unknown field the name as
     * written. Which column holds a field is the naming's business (v1 keys, v2 nested names, a mapping file).
     */
    private List<Column> columnsOf(Predicate p) {
        FieldInfo f = p.field().resolved();
        if (f == null) return List.of(new Column(naming.ofName(p.field().written()), false));
        if (f.kind() == FieldKind.FIELD || f.members().isEmpty()) return List.of(new Column(naming.of(f), f.isEnum()));
        List<Column> out = new ArrayList<>();
        for (String member : f.members()) {
            FieldInfo m = catalog.lookup(member);
            out.add(m != null ? new Column(naming.of(m), m.isEnum()) : new Column(naming.ofName(member), false));
        }
        out.add(new Column(naming.ofAlias(f), f.isEnum()));
        return out;
    }

    private String predicate(Predicate p) {
        String made = madeNames.apply(p.field());
        if (made != null) return leaf(p, made, dialect.fold(made), false);
        List<Column> cols = columnsOf(p);
        List<String> legs = new ArrayList<>();
        for (Column c : cols) {
            columns.add(c.path());
            String column = dialect.column(c.path());
            String folded = dialect.fold(column);
            if (form == SqlForm.SCAN) {
                foldedColumns.add(c.path());
                folded = dialect.identifier(SqlForm.folded(c.path()));
            }
            legs.add(leaf(p, column, folded, c.isEnum()));
        }
        return legs.size() == 1 ? legs.get(0) : "(" + String.join(" OR ", legs) + ")";
    }

    /** {@code c} is the column, {@code fc} the column lower-cased. */
    private String leaf(Predicate p, String c, String fc, boolean isEnum) {
        MatchKind kind = p.operator().kind();
        boolean negated = p.operator().negated();
        if (kind == MatchKind.EXISTS) return "(" + c + " IS NOT NULL)";
        if (kind == MatchKind.EMPTY) {
            return negated ? "coalesce(" + c + " <> '', false)" : "coalesce(" + c + " = '', true)";
        }
        boolean ignoreCase = p.operator().caseInsensitive() || (isEnum && enumFieldsIgnoreCase);
        String h = switch (kind) {
            case EQUALS, IN -> equality(c, fc, p.values(), ignoreCase);
            case CONTAINS, IN_CONTAINS -> substring(ignoreCase ? fc : c, p.values(), "%", "%", ignoreCase);
            case STARTS_WITH -> substring(ignoreCase ? fc : c, p.values(), "", "%", ignoreCase);
            case ENDS_WITH -> substring(ignoreCase ? fc : c, p.values(), "%", "", ignoreCase);
            case REGEX -> regex(p, c);
            case BOOL -> fc + " = " + (((BoolValue) p.value()).value() ? "'true'" : "'false'");
            case RANGE -> compare(c, p.values().get(0).text(), Comparison.GE) + " AND "
                    + compare(c, p.values().get(1).text(), Comparison.LE);
            case COMPARE -> compare(c, p.value().text(), p.operator().comparison());
            default -> throw new IllegalStateException(kind.toString());
        };
        return negated ? "coalesce(NOT (" + h + "), false)" : "coalesce(" + h + ", false)";
    }

    /** Whole-value equality with any operand: as text (folded when ignoring case), or as numbers. */
    private String equality(String c, String fc, List<Value> values, boolean ignoreCase) {
        Set<String> texts = new LinkedHashSet<>();
        List<String> numbers = new ArrayList<>();
        for (Value v : values) {
            texts.add(dialect.literal(v.text()));
            BigDecimal d = number(v.text());
            if (d != null) numbers.add(d.toPlainString());
        }
        String lhs = ignoreCase ? fc : c;
        List<String> rhs = new ArrayList<>();
        for (String t : texts) rhs.add(ignoreCase ? dialect.fold(t) : t);
        String text = rhs.size() == 1 ? lhs + " = " + rhs.get(0) : lhs + " IN (" + String.join(", ", rhs) + ")";
        if (numbers.isEmpty()) return text;
        String num = numbers.size() == 1 ? dialect.asDouble(c) + " = " + numbers.get(0)
                : dialect.asDouble(c) + " IN (" + String.join(", ", numbers) + ")";
        return "(" + text + " OR (" + dialect.isNumber(c) + " AND " + num + "))";
    }

    /** {@code c}: the column, already lower-cased when ignoring case. */
    private String substring(String c, List<Value> values, String prefix, String suffix, boolean ignoreCase) {
        List<String> legs = new ArrayList<>();
        for (Value v : values) legs.add(dialect.like(c, prefix, v.text(), suffix, ignoreCase));
        return legs.size() == 1 ? legs.get(0) : "(" + String.join(" OR ", legs) + ")";
    }

    /** A numeric operand orders numbers only (a text value is false); a text operand orders text. */
    private String compare(String c, String operand, Comparison cmp) {
        BigDecimal d = number(operand);
        if (d == null) return c + " " + cmp.symbol() + " " + dialect.literal(operand);
        return "(" + dialect.isNumber(c) + " AND " + dialect.asDouble(c) + " " + cmp.symbol() + " "
                + d.toPlainString() + ")";
    }

    private String regex(Predicate p, String c) {
        String raw = p.value().text();
        try {
            Pattern.compile(raw);
        } catch (PatternSyntaxException e) {
            diagnostics.add(Diagnostic.of(Code.INVALID_REGEX, "invalid regular expression, the predicate never matches: "
                    + e.getDescription(), p.value().span()));
            return "false";
        }
        String problem = dialect.regexIsRe2() ? Re2Compatibility.problem(raw) : null;
        if (problem != null) {
            // DuckDB would refuse the whole statement; the interpreter (java.util.regex) runs the pattern.
            diagnostics.add(Diagnostic.of(Code.TRANSLATION_UNSUPPORTED_REGEX, "the pattern uses " + problem + ", which "
                    + dialect.name() + "'s regular expressions (RE2) do not support; --dialect spark or trino run it",
                    p.value().span()));
            return "false";
        }
        String pattern = p.operator().caseInsensitive() ? "(?i)" + raw : raw;
        return dialect.regex(c, pattern);
    }

    /** The interpreter's number shape: {@code -?digits(.digits)?}, at most 60 characters. */
    static BigDecimal number(String s) {
        if (s.isEmpty() || s.length() > 60 || !s.matches("-?[0-9]+(\\.[0-9]+)?")) return null;
        return new BigDecimal(s);
    }
}
