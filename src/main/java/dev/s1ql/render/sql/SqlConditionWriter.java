// The SQL dialect of the translation core: writes one lowered test as a SQL condition whose three-valued result is
// never NULL, so that SQL's AND / OR / NOT give exactly the interpreter's two-valued answer (docs/eval.md
// "Semantics", docs/sql.md), and combines them.
package dev.s1ql.render.sql;

import dev.s1ql.ast.Comparison;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.regex.RegexTranslation;
import dev.s1ql.translate.core.Combinators;
import dev.s1ql.translate.core.Leaf;
import dev.s1ql.translate.core.Operand;
import dev.s1ql.translate.core.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each test on one column {@code c} (NULL = the event has no such field) is written as {@code coalesce(H, false)},
 * or {@code coalesce(NOT H, false)} for the negated operators, where {@code H} is the test on a present value and
 * is never NULL when {@code c} is not. So a test is false on a missing field — {@code !=}, {@code Not In} and
 * {@code Does Not Contain} included — and a prefix {@code NOT} of it is true there, as the interpreter has it.
 * {@code IS EMPTY} and {@code EXISTS} are written out directly.
 */
final class SqlConditionWriter implements Combinators<SqlConditionWriter.Sql> {

    /** A condition and whether it needs parentheses as an operand of AND / OR. */
    record Sql(String text, boolean compound) {
        String operand() {
            return compound ? "(" + text + ")" : text;
        }
    }

    private final SqlDialect dialect;
    private final ColumnNaming naming;
    private final Set<List<String>> columns = new LinkedHashSet<>();
    private final Set<List<String>> foldedColumns = new LinkedHashSet<>();
    private final SqlForm form;
    /** For pipeline stages: the SQL text of a name an earlier stage made (by the test's field), or null. */
    private java.util.function.Function<Test, String> madeNames = t -> null;

    SqlConditionWriter(SqlDialect dialect, ColumnNaming naming, SqlForm form) {
        this.dialect = dialect;
        this.naming = naming;
        this.form = form;
    }

    /** With {@link SqlForm#SCAN}: the columns read lower-cased, each expected as column {@link SqlForm#folded}. */
    Set<List<String>> foldedColumns() {
        return foldedColumns;
    }

    /** The columns the condition reads, each a path of names (one name, or struct fields below a column). */
    Set<List<String>> columns() {
        return columns;
    }

    @Override
    public Sql and(List<Sql> parts) {
        List<String> texts = parts.stream().map(Sql::operand).toList();
        if (form == SqlForm.SCAN) return new Sql(SqlForm.shortCircuitAnd(texts), true);
        return new Sql(String.join(" AND ", texts), true);
    }

    @Override
    public Sql or(List<Sql> parts) {
        return new Sql(String.join(" OR ", parts.stream().map(Sql::operand).toList()), true);
    }

    @Override
    public Sql not(Sql leaf) {
        return new Sql("NOT " + leaf.text(), false);   // a leaf is self-delimited: coalesce(...) or (...)
    }

    /**
     * The column a test reads, as the interpreter binds it: a current field (a legacy name's member too) its own
     * column; an unknown field the name as written. Which column holds a field is the naming's business (v1 keys,
     * v2 nested names, a mapping file).
     */
    private List<String> column(Test t) {
        return t.info() != null ? naming.of(t.info()) : naming.ofName(t.field());
    }

    /** Reads the names a pipeline stage made (PipelineSql) from SQL values instead of event columns. */
    SqlConditionWriter withMadeNames(java.util.function.Function<Test, String> values) {
        this.madeNames = values;
        return this;
    }

    Leaf<Sql> leaf(Test t) {
        String made = madeNames.apply(t);
        if (made == null && t.info() != null && EventKindColumns.derived(t.info().name())) {
            made = EventKindColumns.read(dialect, naming, t.info(), columns);
            if (form == SqlForm.SCAN) made = "(" + made + ")";
        }
        List<String> path = made == null ? column(t) : null;
        if (path != null) columns.add(path);
        String c = made != null ? made : dialect.column(path);
        String fc = dialect.fold(c);
        if (form == SqlForm.SCAN && path != null) {
            foldedColumns.add(path);
            fc = dialect.identifier(SqlForm.folded(path));
        }
        if (t.aliasKey() != null) {
            // a single-member legacy name is one value: the member's, else the key spelled like the alias
            List<String> own = naming.ofAlias(t.aliasKey());
            columns.add(own);
            String oc = dialect.column(own);
            String ofc = dialect.fold(oc);
            if (form == SqlForm.SCAN) {
                foldedColumns.add(own);
                ofc = dialect.identifier(SqlForm.folded(own));
                fc = "coalesce(" + fc + ", " + ofc + ")";
            } else {
                fc = dialect.fold("coalesce(" + c + ", " + oc + ")");
            }
            c = "coalesce(" + c + ", " + oc + ")";
        }
        MatchKind kind = t.kind();
        if (kind == MatchKind.EXISTS) return written("(" + c + " IS NOT NULL)", List.of());
        if (kind == MatchKind.EMPTY) {
            return written(t.negated() ? "coalesce(" + c + " <> '', false)" : "coalesce(" + c + " = '', true)", List.of());
        }
        boolean ci = t.ignoreCase();
        List<Diagnostic> notes = new ArrayList<>();
        String h;
        switch (kind) {
            case EQUALS, IN -> h = equality(c, fc, t.operands(), ci);
            case CONTAINS, IN_CONTAINS -> h = substring(ci ? fc : c, t.operands(), "%", "%", ci);
            case STARTS_WITH -> h = substring(ci ? fc : c, t.operands(), "", "%", ci);
            case ENDS_WITH -> h = substring(ci ? fc : c, t.operands(), "%", "", ci);
            case BOOL -> h = fc + " = " + dialect.literal(t.operand().text().toLowerCase(java.util.Locale.ROOT));
            case RANGE -> h = compare(c, t.operands().get(0), Comparison.GE) + " AND "
                    + compare(c, t.operands().get(1), Comparison.LE);
            case COMPARE -> h = compare(c, t.operand(), t.comparison());
            case REGEX -> {
                RegexTranslation rx = RegexTranslation.of(t.operand().text(), ci, dialect.regexEngine());
                if (!rx.ok()) {
                    return Leaf.unwritable(new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNSUPPORTED_REGEX,
                            "the pattern uses " + String.join(", ", rx.unsupported()) + ", which " + dialect.name()
                                    + "'s regular expressions (" + dialect.regexEngine().label() + ") cannot run",
                            t.operand().span(), "--profile spark or trino run java.util.regex-style patterns"));
                }
                for (String d : rx.differences()) {
                    notes.add(Diagnostic.of(Code.TRANSLATION_REGEX_DIFFERENCE, "the pattern uses " + d
                            + "; the output may match other text than SentinelOne", t.operand().span()));
                }
                h = dialect.regex(c, rx.pattern());
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return written(t.negated() ? "coalesce(NOT (" + h + "), false)" : "coalesce(" + h + ", false)", notes);
    }

    private static Leaf<Sql> written(String text, List<Diagnostic> notes) {
        return Leaf.written(new Sql(text, false), notes);
    }

    /** Whole-value equality with any operand: as text (folded when ignoring case), or as numbers. */
    private String equality(String c, String fc, List<Operand> operands, boolean ignoreCase) {
        Set<String> texts = new LinkedHashSet<>();
        List<String> numbers = new ArrayList<>();
        for (Operand o : operands) {
            texts.add(dialect.literal(o.text()));
            if (o.isNumber()) numbers.add(o.number().toPlainString());
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
    private String substring(String c, List<Operand> operands, String prefix, String suffix, boolean ignoreCase) {
        List<String> legs = new ArrayList<>();
        for (Operand o : operands) legs.add(dialect.like(c, prefix, o.text(), suffix, ignoreCase));
        return legs.size() == 1 ? legs.get(0) : "(" + String.join(" OR ", legs) + ")";
    }

    /** A numeric operand orders numbers only (a text value is false); a text operand orders text. */
    private String compare(String c, Operand o, Comparison cmp) {
        if (!o.isNumber()) return c + " " + cmp.symbol() + " " + dialect.literal(o.text());
        return "(" + dialect.isNumber(c) + " AND " + dialect.asDouble(c) + " " + cmp.symbol() + " "
                + o.number().toPlainString() + ")";
    }
}
