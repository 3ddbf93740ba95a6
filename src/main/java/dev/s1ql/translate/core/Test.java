// One predicate on one concrete field, with every decision a target needs already made once, for all targets:
// which field (shortcuts and legacy names expanded), whether case is ignored, which operands are numbers, and
// for a regex whether it compiles. Renderers spell a Test; they do not re-decide it.
package dev.s1ql.translate.core;

import dev.s1ql.ast.Comparison;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Span;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldType;

import java.util.List;
import java.util.Locale;

/**
 * @param field      the concrete S1QL 1.0 field name (catalog spelling), or the name as written when unknown
 * @param info       the catalog entry of {@code field}, or null for an unknown field
 * @param kind       what is tested
 * @param negated    operator-internal negation ({@code !=}, {@code Not In}, {@code Does Not Contain},
 *                   {@code IS NOT EMPTY}): false on an event without the field, unlike a prefix NOT
 * @param comparison the ordering of COMPARE, else null
 * @param operands   the operands (none, one, two for RANGE, a list for IN / IN_CONTAINS)
 * @param ignoreCase whether text comparison ignores case (CaseRules)
 * @param source     the predicate as written (positions, the operator's spelling for messages)
 * @param via        the shortcut or legacy name this test was expanded from, or null
 * @param aliasKey   for a single-member legacy name ({@code AgentName}): that name, whose own key the test reads
 *                   when the event lacks {@code field} (one value: the member's, else the alias key's); only
 *                   targets that read raw event keys (SQL) write the fallback; null otherwise
 */
public record Test(String field, FieldInfo info, MatchKind kind, boolean negated, Comparison comparison,
                   List<Operand> operands, boolean ignoreCase, Predicate source, String via, FieldInfo aliasKey) {

    public Test {
        operands = List.copyOf(operands);
    }

    public Operand operand() {
        if (operands.size() != 1) throw new IllegalStateException(kind + " has " + operands.size() + " operands");
        return operands.get(0);
    }

    public Span span() {
        return source.span();
    }

    public Span fieldSpan() {
        return source.field().span();
    }

    public boolean isEnum() {
        return info != null && info.isEnum();
    }

    public FieldType type() {
        return info == null ? FieldType.STRING : info.type();
    }

    /** The field as the user wrote it (for messages): the shortcut, legacy or unknown name. */
    public String written() {
        return source.field().written();
    }

    /** Whether this is a test on {@code name} (case-insensitively). */
    public boolean on(String name) {
        return field.equalsIgnoreCase(name);
    }

    public String lowerField() {
        return field.toLowerCase(Locale.ROOT);
    }

    public Test withOperands(List<Operand> replaced) {
        return new Test(field, info, kind, negated, comparison, replaced, ignoreCase, source, via, aliasKey);
    }

    /** The same test on one operand of a list (an EventType list split into one test per value). */
    public Test single(Operand o, MatchKind singleKind) {
        return new Test(field, info, singleKind, negated, comparison, List.of(o), ignoreCase, source, via, aliasKey);
    }
}
