// --strict: a translation that is only approximately right is refused. The codes that mean "approximately
// right" are listed here, in one place, so that every target treats them alike.
package dev.s1ql.translate;

import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

public final class Strictness {

    /** Warnings that say the output may match other events than the input would. */
    public static final Set<Code> APPROXIMATIONS = EnumSet.of(
            Code.TRANSLATION_APPROXIMATE_FIELD, Code.TRANSLATION_APPROXIMATE_EVENT,
            Code.TRANSLATION_APPROXIMATE_VALUE, Code.TRANSLATION_EMPTY_VS_MISSING,
            Code.TRANSLATION_TABLE_DROPPED, Code.TRANSLATION_BRANCH_DROPPED, Code.TRANSLATION_EXCLUSION_DROPPED,
            Code.TRANSLATION_REGEX_DIFFERENCE, Code.TRANSLATION_TARGET_LIMIT,
            Code.PIPELINE_APPROXIMATE);

    private Strictness() {
    }

    public static List<Diagnostic> apply(List<Diagnostic> diagnostics, boolean strict) {
        if (!strict) return diagnostics;
        return diagnostics.stream()
                .map(d -> APPROXIMATIONS.contains(d.code()) && !d.isError() ? d.withSeverity(Severity.ERROR) : d)
                .toList();
    }
}
