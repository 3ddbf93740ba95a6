// translate --to kql / spl on S1QL 2.0 and PowerQuery input: the 2.0 case rules carried into 1.0 semantics
// (the translation core's lowering), PowerQuery filters folded, other stages refused.
package dev.s1ql.s1ql2;

import dev.s1ql.diag.Code;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoDotZeroTranslationTest {

    private static Translation translate(String target, String query, boolean strict) {
        ParseResult r = new QueryReader().read(query, DialectChoice.AUTO);
        assertTrue(r.ok(), r.diagnostics()::toString);
        return Translators.forTarget(target).translate(r.query(), new TranslationOptions(null, null, strict));
    }

    @Test
    void caseInsensitiveMatchesBecomesAnInlineFlag() {
        Translation t = translate("kql", "event.type in:anycase ('Process Creation') and tgt.process.cmdline "
                + "matches '\\\\s-enc' and tgt.process.name = 'powershell.exe'", false);
        assertEquals("DeviceProcessEvents\n| where ProcessCommandLine matches regex @\"(?i)[\\s\\v]-enc\" and FileName == "
                + "\"powershell.exe\"", t.output());
        assertTrue(t.diagnostics().isEmpty(), t.diagnostics()::toString);
    }

    @Test
    void powerQueryFiltersAreFoldedAndStagesKqlCannotSayRefused() {
        Translation folded = translate("kql", "tgt.process.cmdline contains:matchcase '-enc' | filter tgt.process.name = 'a.exe'", false);
        assertTrue(folded.ok(), folded.diagnostics()::toString);
        assertTrue(folded.output().contains("ProcessCommandLine contains_cs \"-enc\"") && folded.output().contains("FileName == \"a.exe\""),
                folded.output());
        // KQL writes the stages it can (issue 12) and refuses, naming it, a stage it cannot
        Translation grouped = translate("kql", "tgt.process.cmdline contains '-enc' | group count() by endpoint.name", false);
        assertTrue(grouped.ok(), grouped.diagnostics()::toString);
        assertTrue(grouped.output().contains("| summarize ['count()'] = count() by ['endpoint.name'] = DeviceName"), grouped.output());
        Translation refused = translate("kql", "tgt.process.cmdline contains '-enc' | group n = count() by endpoint.name"
                + " | transpose endpoint.name", false);
        assertFalse(refused.ok());
        assertTrue(refused.diagnostics().stream().anyMatch(d -> d.code() == Code.PIPELINE_STAGE_NOT_TRANSLATED
                && d.message().contains("'transpose'")), refused.diagnostics()::toString);
    }

    @Test
    void caseSensitiveEnumEqualityOnANonCanonicalValueMatchesNothingAndSaysWhy() {
        // 2.0 `=` compares with case: SentinelOne writes 'Process Creation', so no event matches, on any target
        Translation lax = translate("spl", "event.type = 'process creation' and tgt.process.cmdline contains '-enc'", false);
        assertFalse(lax.ok(), lax.diagnostics()::toString);
        assertTrue(lax.diagnostics().stream().anyMatch(d -> d.code() == Code.UNKNOWN_ENUM_VALUE
                && d.message().contains("SentinelOne writes 'Process Creation'")), lax.diagnostics()::toString);
        assertTrue(lax.diagnostics().stream().anyMatch(d -> d.code() == Code.TRANSLATION_NO_TABLE && d.isError()));
        Translation exact = translate("spl", "event.type = 'Process Creation' and endpoint.os = 'windows' and tgt.process.cmdline contains '-enc'", true);
        assertTrue(exact.ok(), exact.diagnostics()::toString);
    }
}
