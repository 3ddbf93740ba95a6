// A SentinelOne (java.util.regex) pattern carried over to another engine: the pattern to write there, or why it
// cannot be written; the exact rewrites made on the way, and the places where the engine may still match other text.
package dev.s1ql.regex;

import java.util.List;

/**
 * @param pattern     the pattern for the target engine (case-insensitivity already written in as {@code (?i)} when
 *                    asked for), or null when {@link #unsupported} is not empty
 * @param unsupported constructs the engine cannot run and no exact rewrite replaces (each a short phrase)
 * @param differences constructs the engine runs with a different meaning on some text (the output is approximate)
 * @param rewrites    exact rewrites made (e.g. "\\u0041 as \\x{0041}"), for notes
 * @param limits      documented limits of the target the pattern breaks, without making it unwritable (S1 2.0)
 */
public record RegexTranslation(String pattern, List<String> unsupported, List<String> differences,
                               List<String> rewrites, List<String> limits) {

    public RegexTranslation {
        unsupported = List.copyOf(unsupported);
        differences = List.copyOf(differences);
        rewrites = List.copyOf(rewrites);
        limits = List.copyOf(limits);
        if (!unsupported.isEmpty()) pattern = null;
    }

    public boolean ok() {
        return pattern != null;
    }

    /**
     * Translates a valid java.util.regex pattern for {@code engine}.
     *
     * @param ignoreCase the test ignores case (SentinelOne compiles it with CASE_INSENSITIVE | UNICODE_CASE)
     */
    public static RegexTranslation of(String javaPattern, boolean ignoreCase, RegexEngine engine) {
        return new RegexRewriter(javaPattern, ignoreCase, engine).run();
    }
}
