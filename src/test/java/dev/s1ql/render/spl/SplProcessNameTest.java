// Process names in the sysmon profile (TgtProcName, SrcProcName = the last segment of an image path): the cases
// the meaning hinges on, evaluated on Sysmon events with SplMiniEval, the escaping of names holding '*', '\' and
// '"', and the mapping file's `last-segment` detail.
package dev.s1ql.render.spl;

import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.TranslationSetupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplProcessNameTest {

    private static final String WINDOWS_PC = "EventType = \"Process Creation\" AND EndpointOS = \"windows\" AND ";
    private static final String SYSMON = "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational";

    private final SplTranslator spl = new SplTranslator();

    private String sysmon(String query) {
        return translate(query, null).output();
    }

    private Translation translate(String query, Path mapping) {
        ParseResult pr = new S1qlParser().parse(query);
        assertTrue(pr.ok(), () -> query + " " + pr.diagnostics());
        Translation t = spl.translate(pr.query(), new TranslationOptions("sysmon", mapping, false));
        assertTrue(t.ok(), () -> query + " " + t.diagnostics());
        assertTrue(SplStructure.check(t.output()).isEmpty(), () -> t.output() + " " + SplStructure.check(t.output()));
        return t;
    }

    /** A Windows process-creation event of Sysmon with the created process at {@code image}. */
    private static boolean keeps(String spl, String image) {
        return SplMiniEval.matches(spl, Map.of("source", SYSMON, "EventCode", "1", "Image", image));
    }

    @Test
    void caseSensitiveEqualityTestsTheWholeNameWithItsCase() {
        String out = sysmon(WINDOWS_PC + "TgtProcName = \"powershell.exe\"");
        assertEquals("source=\"" + SYSMON + "\" EventCode=1 Image=\"*powershell.exe\" | where "
                + "(isnotnull(Image) AND replace(Image, \"(?s)^.*[\\\\\\\\/]\", \"\")==\"powershell.exe\")", out);
        assertTrue(keeps(out, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"));
        assertTrue(keeps(out, "powershell.exe"));
        assertTrue(keeps(out, "/opt/microsoft/powershell/powershell.exe"));
        assertFalse(keeps(out, "C:\\x\\PowerShell.exe"));
        assertFalse(keeps(out, "C:\\x\\notpowershell.exe"));
        assertFalse(keeps(out, "C:\\powershell.exe\\x.exe"));
    }

    @Test
    void containsLooksAtTheNameOnlyNotTheDirectories() {
        String out = sysmon(WINDOWS_PC + "TgtProcName ContainsCIS \"shell\"");
        assertTrue(out.contains(" Image=\"*shell*\" | where "), out);
        assertTrue(keeps(out, "C:\\x\\PowerShell.exe"));
        assertTrue(keeps(out, "/bin/shell"));
        assertFalse(keeps(out, "C:\\shell\\cmd.exe"));
        assertFalse(keeps(out, "/opt/shell/bash"));
        String not = sysmon(WINDOWS_PC + "TgtProcName Does Not ContainCIS \"shell\"");
        assertTrue(keeps(not, "C:\\shell\\cmd.exe"));
        assertFalse(keeps(not, "C:\\x\\PowerShell.exe"));
        assertFalse(SplMiniEval.matches(not, Map.of("source", SYSMON, "EventCode", "1")), "missing field: " + not);
    }

    @Test
    void caseInsensitiveEqualityIsExactInTheSearchForBothSeparators() {
        String out = sysmon(WINDOWS_PC + "TgtProcName In AnyCase (\"cmd.exe\")");
        assertFalse(out.contains("| where"), out);
        assertTrue(out.endsWith(" Image IN (\"cmd.exe\",\"*\\\\cmd.exe\",\"*/cmd.exe\")"), out);
        assertTrue(keeps(out, "C:\\Windows\\System32\\CMD.EXE"));
        assertTrue(keeps(out, "/usr/bin/cmd.exe"));
        assertTrue(keeps(out, "Cmd.exe"));
        assertFalse(keeps(out, "C:\\x\\notcmd.exe"));
        assertFalse(keeps(out, "C:\\cmd.exe\\x"));
    }

    @Test
    void aStarInANameIsLiteralInWhereAndAWildcardOnlyInThePrefilter() {
        String eq = sysmon(WINDOWS_PC + "TgtProcName = \"a*b.exe\"");
        assertTrue(eq.contains(" Image=\"*a*b.exe\" | where "), eq);
        assertTrue(eq.contains("==\"a*b.exe\")"), eq);
        assertTrue(keeps(eq, "C:\\x\\a*b.exe"));
        assertFalse(keeps(eq, "C:\\x\\aXb.exe"));
        // case-insensitive: no exact search term can hold a literal '*', so match() with '\*'
        String ci = sysmon(WINDOWS_PC + "TgtProcName In AnyCase (\"a*b.exe\")");
        assertTrue(ci.contains("match(replace(Image, \"(?s)^.*[\\\\\\\\/]\", \"\"), \"(?i)^a\\\\*b\\\\.exe\\\\z\")"), ci);
        assertTrue(keeps(ci, "C:\\x\\A*B.EXE"));
        assertFalse(keeps(ci, "C:\\x\\aXb.exe"));
    }

    @Test
    void quotesInANameAreEscapedOnceInEveryForm() {
        String cs = sysmon(WINDOWS_PC + "TgtProcName = \"say \\\"hi\\\".exe\"");
        assertTrue(cs.contains(" Image=\"*say \\\"hi\\\".exe\" | where "), cs);
        assertTrue(cs.contains("==\"say \\\"hi\\\".exe\")"), cs);
        assertTrue(keeps(cs, "C:\\x\\say \"hi\".exe"));
        assertFalse(keeps(cs, "C:\\x\\say hi.exe"));
        String ci = sysmon(WINDOWS_PC + "TgtProcName In AnyCase (\"say \\\"hi\\\".exe\")");
        assertTrue(ci.endsWith(" Image IN (\"say \\\"hi\\\".exe\",\"*\\\\say \\\"hi\\\".exe\",\"*/say \\\"hi\\\".exe\")"),
                ci);
        assertTrue(keeps(ci, "C:\\x\\SAY \"HI\".EXE"));
        assertFalse(keeps(ci, "C:\\x\\say hi.exe"));
    }

    @Test
    void aBackslashInTheValueCanNeverBePartOfAName() {
        String ends = sysmon(WINDOWS_PC + "TgtProcName EndsWithCIS \"\\cmd.exe\"");
        // the glob on the path would be true here, so it is only a pre-filter; where decides
        assertTrue(ends.contains(" Image=\"*\\\\cmd.exe\" | where "), ends);
        assertTrue(ends.contains("\"(?i)\\\\\\\\cmd\\\\.exe\\\\z\""), ends);
        assertFalse(keeps(ends, "C:\\x\\cmd.exe"));
        String contains = sysmon(WINDOWS_PC + "TgtProcName Contains \"a\\b\"");
        assertFalse(keeps(contains, "C:\\a\\b.exe"));
        assertFalse(keeps(contains, "/a\\b"));
    }

    /** Any name without separators, written into the query: the emitted SPL keeps exactly the paths ending in it. */
    @Test
    void noNameBreaksOutOfItsLiteralOrMatchesAnotherName() {
        String alphabet = "aZ9 \"\\*?'`()[]{}$^.+=!<>,;:%_-|\u00e9";
        String[] ops = {"=", "In", "In AnyCase", "EndsWithCIS", "EndsWith", "StartsWith", "ContainsCIS"};
        Random r = new Random(5);
        int checked = 0;
        for (int i = 0; i < 1500; i++) {
            StringBuilder v = new StringBuilder("n");
            for (int k = r.nextInt(8); k > 0; k--) v.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String name = v.toString().replace("\\", "");
            String op = ops[r.nextInt(ops.length)];
            String literal = "\"" + name.replace("\"", "\\\"") + "\"";
            String q = WINDOWS_PC + "TgtProcName " + op + " " + (op.startsWith("In") ? "(" + literal + ")" : literal);
            ParseResult pr = new S1qlParser().parse(q);
            // S1QL 1.0 reads \" before , ) AND OR or the end as a closing quote (spec §2): such queries are skipped
            if (!pr.ok()) continue;
            List<dev.s1ql.ast.Expr> conjuncts = ((dev.s1ql.ast.And) pr.query().root()).operands();
            dev.s1ql.ast.Predicate p = (dev.s1ql.ast.Predicate) conjuncts.get(conjuncts.size() - 1);
            if (!p.values().get(0).text().equals(name)) continue;
            String out = sysmon(q);
            assertFalse(out.contains("\n"), out);
            assertTrue(keeps(out, "C:\\dir\\" + name), () -> q + "\n" + out);
            assertTrue(keeps(out, "/dir/" + name), () -> q + "\n" + out);
            assertFalse(keeps(out, "C:\\" + name + "\\x"), () -> q + "\n" + out);
            checked++;
        }
        assertTrue(checked > 1200, "checked " + checked);
    }

    @Test
    void theMappingFileSaysLastSegmentInTheDetailColumn(@TempDir Path dir) throws Exception {
        Path overlay = dir.resolve("names.tsv");
        Files.writeString(overlay, "kind\ts1\tscope\tdetail\ttarget\texact\tsource\n"
                + "field\tTgtProcName\tprocess\t\tProcessName\tyes\tour add-on extracts the name\n"
                + "field\tSrcProcName\tprocess\tlast-segment\tParentPath\tyes\tour add-on\n");
        Translation t = translate(WINDOWS_PC + "TgtProcName = \"a.exe\" AND SrcProcName = \"b.exe\"", overlay);
        assertEquals("source=\"" + SYSMON + "\" EventCode=1 ParentPath=\"*b.exe\" | where "
                + "(isnotnull(ProcessName) AND ProcessName==\"a.exe\") AND (isnotnull(ParentPath) AND "
                + "replace(ParentPath, \"(?s)^.*[\\\\\\\\/]\", \"\")==\"b.exe\")", t.output());
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "kind\ts1\tscope\tdetail\ttarget\texact\tsource\n"
                + "field\tTgtProcName\tprocess\tbasename\tImage\tyes\tx\n");
        TranslationSetupException e = assertThrows(TranslationSetupException.class,
                () -> translate(WINDOWS_PC + "TgtProcName = \"a.exe\"", bad));
        assertTrue(e.getMessage().contains("last-segment"), e.getMessage());
    }

    @Test
    void everyNameRowOfTheBuiltInProfilesNamesItsSource() {
        for (String profile : List.of("sysmon", "cim")) {
            SplProfile p = SplProfileLoader.load(profile, null);
            for (String set : List.of("process", "acting", "crossproc", "file", "registry")) {
                for (String field : List.of("TgtProcName", "SrcProcName")) {
                    SplProfile.FieldMapping m = p.field(field, List.of(set));
                    if (m == null) continue;
                    assertFalse(m.source().isBlank(), profile + " " + field + "@" + set);
                    assertTrue(m.lastSegment() || profile.equals("cim") && set.equals("process"),
                            profile + " " + field + "@" + set + " -> " + m.target());
                }
            }
        }
    }
}
