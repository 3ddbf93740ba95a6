// The spec runner's rules for skip tags: a tag must name a target (or a group) of the runner and give a reason;
// a target's own tag wins over its group's.
package dev.s1ql.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.EvalSpecFile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class SpecSkipTagsTest {

    private static EvalSpecFile spec(Map<String, String> skips) {
        return new EvalSpecFile("t", "SrcProcName = \"a\"", EvalOptions.defaults(), List.of(), List.of(), null, false, skips);
    }

    @Test
    void theRunnerKnowsEveryTargetAndGroup() {
        assertEquals(Set.of("eval", "sql", "kql", "kql.mde", "kql.sentinel-asim", "spl", "spl.sysmon", "spl.cim", "spl.s1"),
                SpecTargetsTest.knownTagNames());
    }

    @Test
    void aMisspeltOrUnknownTargetFails() {
        assertThrows(AssertionFailedError.class, () -> SpecTargetsTest.checkSkipTags(spec(Map.of("kql.mdee", "typo"))));
        assertThrows(AssertionFailedError.class, () -> SpecTargetsTest.checkSkipTags(spec(Map.of("esql", "no such target"))));
        SpecTargetsTest.checkSkipTags(spec(Map.of("kql.mde", "a reason", "spl", "another")));
    }

    @Test
    void aTagWithoutAReasonFails() {
        assertThrows(AssertionFailedError.class, () -> SpecTargetsTest.checkSkipTags(spec(Map.of("sql", " "))));
    }

    @Test
    void aTargetsOwnTagWinsOverItsGroup() {
        EvalSpecFile s = spec(Map.of("spl", "group", "spl.s1", "own"));
        assertEquals("own", SpecTargetsTest.skipReason(s, "spl.s1"));
        assertEquals("group", SpecTargetsTest.skipReason(s, "spl.cim"));
        assertNull(SpecTargetsTest.skipReason(s, "kql.mde"));
    }
}
