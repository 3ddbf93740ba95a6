// Patterns RE2 cannot run are found; ordinary patterns (classes, escapes, (?i), non-capturing groups) pass.
package dev.s1ql.translate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class Re2CompatibilityTest {

    @ParameterizedTest
    @ValueSource(strings = {"a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(a)\\1", "(?<x>a)\\k<x>", "(?>a)", "a++",
            "\\d*+", "a{2}+", "end\\Z"})
    void reportsWhatRe2Lacks(String pattern) {
        assertNotNull(Re2Compatibility.problem(pattern), pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?i)\\s-enc\\s", "[\\s\\('\"]", "(?:a|b)+", "\\\\windows\\\\[^\\\\]+$", "a+?",
            "[+*]+", "\\++", "[(?=]", "\\d{1,3}\\.", "[]a]"})
    void acceptsWhatRe2Runs(String pattern) {
        assertNull(Re2Compatibility.problem(pattern), pattern);
    }
}
