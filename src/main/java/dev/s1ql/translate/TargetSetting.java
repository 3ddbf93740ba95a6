// A setting one translation target reads besides the common options (SPL's index, SQL's table): declared by the
// target, so that the command line offers it as --NAME without knowing any target (and completes its values).
package dev.s1ql.translate;

import java.util.List;

/**
 * @param name        the option name without dashes, and the key in {@link TranslationOptions#settings()}
 * @param paramLabel  how the value is shown in help ({@code NAME})
 * @param description one sentence for --help
 * @param values      the values it takes, for completion and checking; empty when any text goes
 */
public record TargetSetting(String name, String paramLabel, String description, List<String> values) {

    public TargetSetting {
        values = List.copyOf(values);
    }
}
