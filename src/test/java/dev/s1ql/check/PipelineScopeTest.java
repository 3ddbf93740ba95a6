// Which names each stage of a pipeline sees (PipelineScope), and the 2.0 limits that need long input to show
// (query length, regex length), which the .cases files cannot hold readably.
package dev.s1ql.check;

import dev.s1ql.ast.PipelineScope;
import dev.s1ql.ast.Query;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.S1ql2Parser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineScopeTest {

    private static Query parse(String q) {
        return new S1ql2Parser().parse(q).query();
    }

    @Test
    void scopesFollowTheStages() {
        List<PipelineScope> s = PipelineScope.of(parse("a = 1 | let x = 1 | filter x = 1 | group n = count() by host = "
                + "lower(endpoint.name) | sort -n | columns host, share = n | lookup os from t by host | sort os"));
        assertEquals(8, s.size());
        assertEquals(PipelineScope.Kind.EVENTS, s.get(0).kind());
        assertEquals(List.of("x"), s.get(2).names());
        assertTrue(s.get(2).has("src.process.name"), "event fields until a new record set");
        assertEquals(PipelineScope.Kind.CLOSED, s.get(3).kind());
        assertEquals(List.of("host", "n"), s.get(3).names());
        assertFalse(s.get(3).has("x"));
        assertEquals(List.of("host", "share"), s.get(5).names());
        assertEquals(PipelineScope.Kind.UNKNOWN, s.get(6).kind());
        assertTrue(s.get(7).has("os"));
    }

    @Test
    void catalogSpellingsOfOneFieldAreOneName() {
        PipelineScope after = PipelineScope.of(parse("a = 1 | group n = count() by endpoint.name")).get(1);
        assertEquals("endpoint.name", after.find("EndpointName"));
        assertEquals("n", after.find("N"));
    }

    @Test
    void longPowerQueriesAndRegexesAreReported() {
        String values = String.join(", ", java.util.Collections.nCopies(900, "'abcdefgh'"));
        List<Diagnostic> d = new QueryChecker(CheckOptions.DEFAULTS).check(parse("src.process.name in (" + values + ")"));
        assertTrue(d.stream().anyMatch(x -> x.code() == Code.QUERY_OVER_PQ_LIMIT), d::toString);
        String regex = "a".repeat(1001);
        d = new QueryChecker(CheckOptions.DEFAULTS).check(parse("src.process.name matches '" + regex + "'"));
        assertEquals(List.of(Code.REGEX_NOT_IN_2_0), d.stream().map(Diagnostic::code).toList());
        d = new QueryChecker(CheckOptions.DEFAULTS).check(parse("src.process.name matches '[a?]+?' and x matches 'a\\\\*?'"));
        assertEquals(1, d.stream().filter(x -> x.code() == Code.REGEX_NOT_IN_2_0).count(), d::toString);
    }
}
