// Every row of rewrites.tsv: the written pattern, or the reason it cannot be written, for each engine.
package dev.s1ql.regex;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegexTranslationTest {

    @TestFactory
    Stream<DynamicTest> everyRow() {
        return RegexRewriteCases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Pattern.compile(c.pattern());   // every case is a valid Java pattern, as SentinelOne reads them
            RegexTranslation t = RegexTranslation.of(c.pattern(), c.ignoreCase(), c.engine());
            switch (c.expectKind()) {
                case '=' -> {
                    assertTrue(t.unsupported().isEmpty(), "unexpectedly unsupported: " + t.unsupported());
                    assertEquals(c.expected(), t.pattern());
                    assertTrue(t.differences().isEmpty(), "unexpected differences: " + t.differences());
                    assertTrue(t.limits().isEmpty(), "unexpected limits: " + t.limits());
                }
                case '!' -> {
                    assertNull(t.pattern(), "should not be writable");
                    assertTrue(t.unsupported().stream().anyMatch(u -> u.contains(c.expected())),
                            "no reason mentions '" + c.expected() + "': " + t.unsupported());
                }
                case '~' -> {
                    assertTrue(t.ok(), "should be writable: " + t.unsupported());
                    assertTrue(t.differences().stream().anyMatch(u -> u.contains(c.expected())),
                            "no difference mentions '" + c.expected() + "': " + t.differences());
                }
                default -> {
                    assertEquals(c.pattern(), t.pattern(), "a limit leaves the pattern as it is");
                    assertTrue(t.limits().stream().anyMatch(u -> u.contains(c.expected())),
                            "no limit mentions '" + c.expected() + "': " + t.limits());
                }
            }
        }));
    }
}
