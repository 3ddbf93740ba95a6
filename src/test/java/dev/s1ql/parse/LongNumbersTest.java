// Issue 13, defect 6: a 1 MB number literal took 30-60 s in validate and translate (BigDecimal's quadratic
// conversion, repeated by every renderer). A number of more than 1000 characters is now an error
// (S1010) and a longer quoted value is compared as text. The timeouts are hang guards, not speed targets: each
// case needs well under a second and took tens of seconds before.
package dev.s1ql.parse;

import dev.s1ql.check.CheckOptions;
import dev.s1ql.check.Validator;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongNumbersTest {

    private static final Duration HANG = Duration.ofSeconds(15);
    private static final String MEGABYTE = "1".repeat(1 << 20);

    @Test
    void aMegabyteNumberLiteralIsReportedNotConverted() {
        for (String q : List.of("TgtProcPid = " + MEGABYTE, "tgt.process.pid = " + MEGABYTE,
                "TgtProcPid > 1." + "0".repeat(1 << 20))) {
            Validator.Result r = assertTimeoutPreemptively(HANG, () -> new Validator(CheckOptions.DEFAULTS).validate(q));
            List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
            assertEquals(1, errors.size(), () -> errors.toString());
            assertEquals(Code.valueOf("NUMBER_TOO_LONG"), errors.get(0).code());
            assertEquals(q.indexOf(" = ") > 0 ? q.indexOf(" = ") + 4 : q.indexOf(" > ") + 4, errors.get(0).span().column(), q.substring(0, 20));
        }
    }

    @Test
    void aNumberOfTheLongestReadLengthIsStillANumber() {
        String q = "TgtProcPid = " + "9".repeat(1000);
        ParseResult r = new QueryReader().read(q, DialectChoice.AUTO);
        assertTrue(r.ok(), r.diagnostics()::toString);
        assertEquals(Code.valueOf("NUMBER_TOO_LONG"), new QueryReader().read(q + "9", DialectChoice.AUTO).diagnostics().get(0).code());
    }

    @Test
    void aMegabyteOfDigitsInQuotesTranslatesToEveryTarget() {
        String q = "TgtProcPid = \"" + MEGABYTE + "\"";
        ParseResult r = assertTimeoutPreemptively(HANG, () -> new QueryReader().read(q, DialectChoice.AUTO));
        assertTrue(r.ok(), r.diagnostics()::toString);
        assertTimeoutPreemptively(HANG, () -> new Validator(CheckOptions.DEFAULTS).validate(q));
        for (String target : Translators.targets()) {
            Translation t = assertTimeoutPreemptively(HANG,
                    () -> Translators.forTarget(target).translate(r.query(), TranslationOptions.defaults()), target);
            assertTrue(t.output() == null || t.output().contains(MEGABYTE), target);
        }
    }

    /** Found by the fuzzer (issue 13): "4\u0f232" read as a number, migrated unquoted, and 2.0 refused the digit. */
    @Test
    void aValueWithNonAsciiDigitsIsTextAndMigratesQuoted() {
        ParseResult r = new QueryReader().read("SrcProcPid < \"4\u0f232\"", DialectChoice.AUTO);
        assertTrue(r.ok(), r.diagnostics()::toString);
        Translation t = Translators.forTarget("s1ql2").translate(r.query(), TranslationOptions.defaults());
        assertTrue(t.ok(), t.diagnostics()::toString);
        assertTrue(new Validator(CheckOptions.DEFAULTS).validate(t.output()).valid(), t.output());
    }
}
