// One target language. Implementations are stateless apart from loaded mapping data and never throw on a
// query: everything that goes wrong is a diagnostic in the Translation.
package dev.s1ql.translate;

import dev.s1ql.ast.Query;

import java.util.List;

public interface Translator {

    /** The name users pass to {@code --to}, e.g. {@code kql}. */
    String target();

    /** The profiles this target knows; the first is the default. */
    List<String> profiles();

    /** The target-specific settings it reads ({@link TranslationOptions#setting}); none by default. */
    default List<TargetSetting> targetSettings() {
        return List.of();
    }

    /** The names of {@link #targetSettings()}. */
    default java.util.Set<String> settings() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (TargetSetting s : targetSettings()) names.add(s.name());
        return names;
    }

    /**
     * Translates a parsed query.
     *
     * @throws TranslationSetupException when the options themselves are unusable (unknown profile, unreadable
     *                                   mapping file) — a usage problem, not a problem of the query
     */
    Translation translate(Query query, TranslationOptions options);

    /**
     * One line of text as a comment in the target language, for the header the translate command writes in front
     * of a rule document's query. Most targets read {@code //} comments; SPL does not.
     */
    default String lineComment(String text) {
        return "// " + text;
    }
}
