// SplTranslator as a Translator: the seed rule for every profile, profile and overlay handling, --strict, and
// values that must not escape into SPL syntax whatever the query holds.
package dev.s1ql.render.spl;

import dev.s1ql.cli.input.InputCollector;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.TranslationSetupException;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplTranslatorTest {

    private final SplTranslator spl = new SplTranslator();

    private Translation translate(String query, String profile, Path mapping, boolean strict) {
        ParseResult pr = new S1qlParser().parse(query);
        assertTrue(pr.ok(), () -> query + " " + pr.diagnostics());
        return spl.translate(pr.query(), new TranslationOptions(profile, mapping, strict));
    }

    @Test
    void registeredAsSplWithSysmonFirst() {
        assertTrue(Translators.forTarget("SPL") instanceof SplTranslator);
        assertEquals(List.of("sysmon", "cim", "s1"), spl.profiles());
    }

    @Test
    void seedRuleTranslatesForEveryProfile() throws Exception {
        List<QueryInput> in = InputCollector.collect(List.of(),
                List.of("examples/dns_query_win_susp_external_ip_lookup.md"));
        for (String profile : spl.profiles()) {
            Translation t = translate(in.get(0).text(), profile, null, false);
            assertTrue(t.ok(), () -> profile + ": " + t.diagnostics());
            assertTrue(SplStructure.check(t.output()).isEmpty(), t.output());
            assertTrue(t.output().contains("*api.ipify.org*"), t.output());
        }
        assertTrue(translate(in.get(0).text(), "sysmon", null, false).output().startsWith(
                "source=\"XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\" EventCode=22 QueryName IN ("));
    }

    @Test
    void s1ql2QueriesTranslateLikeTheir1Equivalent() {
        ParseResult v2 = new dev.s1ql.parse.QueryReader().read("src.process.name = 'cmd.exe' | filter dst.port.number > 1024",
                dev.s1ql.parse.DialectChoice.POWERQUERY);
        ParseResult v1 = new dev.s1ql.parse.QueryReader().read("SrcProcName = \"cmd.exe\" AND DstPort > 1024",
                dev.s1ql.parse.DialectChoice.S1QL_1);
        assertTrue(v2.ok(), v2.diagnostics().toString());
        TranslationOptions s1 = new TranslationOptions("s1", null, false);
        Translation t2 = spl.translate(v2.query(), s1);
        assertEquals(spl.translate(v1.query(), s1).output(), t2.output(), t2.diagnostics().toString());
        ParseResult grouped = new dev.s1ql.parse.QueryReader().read("src.process.name = 'cmd.exe' | group count() by x",
                dev.s1ql.parse.DialectChoice.POWERQUERY);
        Translation t = spl.translate(grouped.query(), s1);
        assertEquals("* | where (isnotnull(SrcProcName) AND SrcProcName==\"cmd.exe\") | stats count AS \"count()\" by x",
                t.output(), t.diagnostics()::toString);
    }

    @Test
    void aStageSplCannotSayIsAnErrorNamingIt() {
        ParseResult joined = new dev.s1ql.parse.QueryReader().read("src.process.name = 'cmd.exe' | join (a = 1) on x",
                dev.s1ql.parse.DialectChoice.POWERQUERY);
        Translation t = spl.translate(joined.query(), new TranslationOptions("sysmon", null, false));
        assertNull(t.output());
        assertTrue(t.diagnostics().stream().anyMatch(d -> d.code() == Code.PIPELINE_STAGE_NOT_TRANSLATED && d.isError()
                && d.message().contains("'join'")), t.diagnostics()::toString);
    }

    @Test
    void unknownProfileIsASetupError() {
        assertThrows(TranslationSetupException.class, () -> translate("DstPort = 1", "ecs", null, false));
    }

    @Test
    void overlaySetsIndexAndRemapsAField(@TempDir Path dir) throws Exception {
        Path overlay = dir.resolve("mine.tsv");
        Files.writeString(overlay, "kind\ts1\tscope\tdetail\ttarget\texact\tsource\n"
                + "setting\tindex\t\t\tsysmon_idx\tyes\tmy site\n"
                + "field\tTgtProcCmdLine\tprocess\t\tcmd\tyes\tmy site\n"
                + "os\tlinux\t\t\t-\tyes\tno Linux here\n");
        Translation t = translate("EventType = \"Process Creation\" AND TgtProcCmdLine ContainsCIS \"x\"", "sysmon",
                overlay, false);
        assertEquals("index=sysmon_idx source=\"XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\" EventCode=1 "
                + "cmd=\"*x*\"", t.output(), t.diagnostics().toString());
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "kind\tnonsense\nbogus\n");
        assertThrows(TranslationSetupException.class, () -> translate("DstPort = 1", "sysmon", bad, false));
    }

    @Test
    void strictRefusesApproximations() {
        String q = "EventType = \"Process Creation\" AND EndpointOS = \"windows\" AND TgtProcPublisher = \"Microsoft\"";
        Translation lenient = translate(q, "sysmon", null, false);
        assertTrue(lenient.ok());
        assertTrue(lenient.diagnostics().stream().anyMatch(d -> d.code() == Code.TRANSLATION_APPROXIMATE_FIELD));
        Translation strict = translate(q, "sysmon", null, true);
        assertNull(strict.output());
        assertTrue(strict.diagnostics().stream().anyMatch(d -> d.code() == Code.TRANSLATION_APPROXIMATE_FIELD
                && d.isError()));
    }

    @Test
    void diagnosticsPointAtTheNode() {
        String q = "ObjectType = \"File\" AND EndpointOS = \"windows\" AND SrcProcCmdLine ContainsCIS \"x\"";
        Translation t = translate(q, "sysmon", null, false);
        Diagnostic d = t.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals(Code.TRANSLATION_UNMAPPED_FIELD, d.code());
        assertEquals("SrcProcCmdLine", q.substring(d.span().start(), d.span().end()));
    }

    @Test
    void noQueryValueBreaksOutOfItsLiteral() {
        String alphabet = "aZ9 \"\\|*?'`()[]{}$^.+=!<>,;:/%_-\u00e9\u4e2d";
        String[] ops = {"ContainsCIS", "Contains", "StartsWithCIS", "EndsWith", "=", "!=", "Does Not ContainCIS",
                "RegExp"};
        Random r = new Random(11);
        for (int i = 0; i < 3000; i++) {
            StringBuilder v = new StringBuilder();
            for (int k = r.nextInt(10); k > 0; k--) v.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String value = v.toString().replace("\"", "\\\"");
            if (value.endsWith("\\")) value += "x";
            String op = ops[r.nextInt(ops.length)];
            if (op.equals("RegExp")) value = "a";
            String q = "EventType = \"Process Creation\" AND EndpointOS = \"windows\" AND (TgtProcCmdLine " + op
                    + " \"" + value + "\" OR TgtProcImagePath EndsWithCIS \"\\x.exe\")";
            ParseResult pr = new S1qlParser().parse(q);
            if (!pr.ok()) continue;
            for (String profile : spl.profiles()) {
                Translation t = spl.translate(pr.query(), new TranslationOptions(profile, null, false));
                assertTrue(t.ok(), () -> q + " " + t.diagnostics());
                List<String> problems = SplStructure.check(t.output());
                assertTrue(problems.isEmpty(), () -> q + "\n" + t.output() + "\n" + problems);
                assertFalse(t.output().contains("\n"), t.output());
            }
        }
    }
}
