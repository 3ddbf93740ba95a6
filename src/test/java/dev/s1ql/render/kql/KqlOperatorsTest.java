// The operator table: case-insensitive S1QL forms map to KQL's default operators, case-sensitive ones to the
// _cs / == forms, and negations to KQL's ! forms.
package dev.s1ql.render.kql;

import dev.s1ql.ast.MatchKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KqlOperatorsTest {

    @ParameterizedTest(name = "{0} ci={1} negated={2} -> {3}")
    @CsvSource({
            "EQUALS, true, false, =~", "EQUALS, false, false, ==", "EQUALS, true, true, !~", "EQUALS, false, true, !=",
            "IN, true, false, in~", "IN, false, false, in", "IN, true, true, !in~", "IN, false, true, !in",
            "CONTAINS, true, false, contains", "CONTAINS, false, false, contains_cs",
            "CONTAINS, true, true, !contains", "CONTAINS, false, true, !contains_cs",
            "IN_CONTAINS, true, false, contains", "IN_CONTAINS, false, false, contains_cs",
            "STARTS_WITH, true, false, startswith", "STARTS_WITH, false, false, startswith_cs",
            "ENDS_WITH, true, false, endswith", "ENDS_WITH, false, false, endswith_cs",
            "REGEX, false, false, matches regex"})
    void picksTheKqlOperator(MatchKind kind, boolean ci, boolean negated, String expected) {
        assertEquals(expected, KqlOperators.pick(kind, ci, negated));
    }
}
