// Long and/or chains are printed as balanced groups so that Kusto's parser depth limit is never reached; the
// grouping does not change which operands are or-ed.
package dev.s1ql.render.kql;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlWriterTest {

    @Test
    void thousandAlternativesBecomeShallowGroups() {
        List<KqlExpr> alternatives = new ArrayList<>();
        for (int i = 0; i < 1000; i++) alternatives.add(KqlExpr.atom("c contains \"v" + i + "\""));
        String text = KqlWriter.write(KqlExpr.or(alternatives));
        for (int i = 0; i < 1000; i++) assertTrue(text.contains("\"v" + i + "\""), "operand " + i + " lost");
        int depth = 0;
        int maxDepth = 0;
        int longestChain = 0;
        int chain = 0;
        for (String token : text.split(" ")) {
            for (char c : token.toCharArray()) {
                if (c == '(') maxDepth = Math.max(maxDepth, ++depth);
                if (c == ')') depth--;
            }
            if (token.equals("or")) longestChain = Math.max(longestChain, ++chain);
            if (token.endsWith(")")) chain = 0;
        }
        assertEquals(0, depth);
        assertTrue(maxDepth <= 3, "nesting " + maxDepth);
        assertTrue(longestChain < 2 * KqlWriter.GROUP, "chain of " + longestChain);
    }

    @Test
    void mixedAndOrIsParenthesised() {
        KqlExpr e = KqlExpr.and(KqlExpr.atom("a"), KqlExpr.or(List.of(KqlExpr.atom("b"), KqlExpr.atom("c"))));
        assertEquals("a and (b or c)", KqlWriter.write(e));
        assertEquals("not(a and (b or c))", KqlWriter.write(KqlExpr.not(e)));
    }

    @Test
    void constantsFold() {
        assertEquals(KqlExpr.FALSE, KqlExpr.and(KqlExpr.FALSE, KqlExpr.atom("a")));
        assertEquals(KqlExpr.TRUE, KqlExpr.or(List.of(KqlExpr.TRUE, KqlExpr.atom("a"))));
        assertEquals(KqlExpr.atom("a"), KqlExpr.and(KqlExpr.TRUE, KqlExpr.atom("a")));
        assertEquals(KqlExpr.atom("a"), KqlExpr.not(KqlExpr.not(KqlExpr.atom("a"))));
    }
}
