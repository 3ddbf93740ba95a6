// What a user can choose about a translation, whatever the target: a target-specific profile, a mapping file
// laid over the built-in mapping, and whether approximations count as errors.
package dev.s1ql.translate;

import java.nio.file.Path;

/**
 * @param profile the target's profile name (e.g. {@code mde}), or null for the target's default
 * @param mapping a user mapping file to overlay on the built-in one, or null
 * @param strict  true to turn approximation warnings into errors
 */
public record TranslationOptions(String profile, Path mapping, boolean strict) {

    public static TranslationOptions defaults() {
        return new TranslationOptions(null, null, false);
    }
}
