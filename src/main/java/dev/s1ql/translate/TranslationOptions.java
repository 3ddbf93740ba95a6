// What a user can choose about a translation, whatever the target: a target-specific profile, a mapping file
// laid over the built-in mapping, whether approximations count as errors, and target-specific settings (the SQL
// target's table name and column naming) by name.
package dev.s1ql.translate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * @param profile  the target's profile name (e.g. {@code mde}), or null for the target's default
 * @param mapping  a user mapping file to overlay on the built-in one, or null
 * @param strict   true to turn approximation warnings into errors
 * @param settings target-specific settings by name (e.g. {@code table}); a target lists those it reads in
 *                 {@link Translator#settings()}, and the command line refuses the others
 * @param regexCaseInsensitive how a 1.0 RegExp is read: case-insensitive (default, as SentinelOne's own converter
 *                 writes it) or, with {@code --regex-case sensitive}, with case
 */
public record TranslationOptions(String profile, Path mapping, boolean strict, Map<String, String> settings,
                                 boolean regexCaseInsensitive) {

    public TranslationOptions {
        settings = Map.copyOf(settings);
    }

    public TranslationOptions(String profile, Path mapping, boolean strict, Map<String, String> settings) {
        this(profile, mapping, strict, settings, true);
    }

    public TranslationOptions(String profile, Path mapping, boolean strict) {
        this(profile, mapping, strict, Map.of());
    }

    /** These options with the 1.0 RegExp case reading set. */
    public TranslationOptions withRegexCaseInsensitive(boolean v) {
        return new TranslationOptions(profile, mapping, strict, settings, v);
    }

    public static TranslationOptions defaults() {
        return new TranslationOptions(null, null, false);
    }

    /** A target setting, or null when it is not given. */
    public String setting(String name) {
        return settings.get(name);
    }

    /** These options with one more setting. */
    public TranslationOptions with(String name, String value) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        s.put(name, value);
        return new TranslationOptions(profile, mapping, strict, s, regexCaseInsensitive);
    }
}
