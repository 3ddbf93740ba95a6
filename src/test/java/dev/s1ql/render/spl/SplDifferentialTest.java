// Differential test of the s1 profile: random S1QL 1.0 queries over a few fields, random events, and for every pair
// the S1QL meaning (spec §4, §12.4: case rules, missing fields, NOT versus negated operators, AND over OR) must
// equal what the emitted SPL keeps according to SplMiniEval. The same for the sysmon profile against the Sysmon
// twins of S1 events: per-kind field sets, process names as the last segments of the image paths, and the target
// file's name as the last segment of TargetFilename.
package dev.s1ql.render.spl;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.FieldType;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplDifferentialTest {

    private static final String[] TEXT_FIELDS = {"TgtProcCmdLine", "TgtProcImagePath"};
    private static final String[] PIECES = {"a", "A", "b", "*", "\\", "\"", " ", "ab"};
    private static final String[] TEXT_OPS = {"=", "!=", "ContainsCIS", "Contains", "Does Not ContainCIS",
            "Does Not Contain", "StartsWithCIS", "StartsWith", "EndsWithCIS", "EndsWith", "In", "In AnyCase",
            "Not In", "In Contains", "In Contains AnyCase", "EXISTS", "IS EMPTY", "IS NOT EMPTY", "RegExp"};

    @Test
    void emittedSplKeepsExactlyTheEventsTheQueryMatches() {
        Random r = new Random(42);
        SplTranslator spl = new SplTranslator();
        S1qlParser parser = new S1qlParser();
        int compared = 0;
        for (int q = 0; q < 1500; q++) {
            String query = expr(r, 0, false);
            ParseResult pr = parser.parse(query);
            assertTrue(pr.ok(), () -> query + " " + pr.diagnostics());
            Translation t = spl.translate(pr.query(), new TranslationOptions("s1", null, false));
            assertTrue(t.ok(), () -> query + " " + t.diagnostics());
            for (int e = 0; e < 30; e++) {
                Map<String, String> event = event(r);
                boolean expected = eval(pr.query().root(), event);
                boolean actual = SplMiniEval.matches(t.output(), event);
                assertEquals(expected, actual, () -> "query: " + query + "\nspl: " + t.output() + "\nevent: " + event);
                compared++;
            }
        }
        assertTrue(compared == 45_000);
    }

    /**
     * The sysmon profile on process and file creation events together: folding of EventType and of fields an
     * event kind does not carry, one field set per kind (SrcProcImagePath is ParentImage on Event ID 1 and Image
     * on Event ID 11), several kinds in one search, and searchmatch() in the where clause.
     */
    @Test
    void sysmonOutputKeepsTheSysmonTwinsOfTheMatchingEvents() {
        Random r = new Random(7);
        SplTranslator spl = new SplTranslator();
        S1qlParser parser = new S1qlParser();
        String[] fields = {"SrcProcImagePath", "TgtProcCmdLine", "TgtFilePath"};
        int refused = 0;
        int perKindWhere = 0;
        for (int q = 0; q < 800; q++) {
            String body = expr(r, 1, true).replace("TgtProcImagePath", fields[r.nextInt(3)]);
            String query = "(EventType = \"Process Creation\" OR EventType = \"File Creation\") AND "
                    + "EndpointOS = \"windows\" AND (" + body + ")";
            ParseResult pr = parser.parse(query);
            assertTrue(pr.ok(), () -> query + " " + pr.diagnostics());
            Translation t = spl.translate(pr.query(), new TranslationOptions("sysmon", null, false));
            // a query no event can satisfy (a process-only and a file-only field both required) is refused
            boolean never = !t.ok();
            if (never) refused++;
            else if (t.output().contains("searchmatch(")) perKindWhere++;
            assertTrue(t.ok() || t.diagnostics().stream().filter(Diagnostic::isError)
                    .allMatch(d -> d.code() == Code.TRANSLATION_NO_TABLE), () -> query + " " + t.diagnostics());
            for (int e = 0; e < 30; e++) {
                boolean process = r.nextBoolean();
                Map<String, String> s1 = new HashMap<>();
                Map<String, String> sysmon = new HashMap<>();
                s1.put("EventType", process ? "Process Creation" : "File Creation");
                s1.put("EndpointOS", "windows");
                sysmon.put("source", "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational");
                sysmon.put("EventCode", process ? "1" : "11");
                if (r.nextInt(4) > 0) {
                    String v = value(r);
                    s1.put("SrcProcImagePath", v);
                    sysmon.put(process ? "ParentImage" : "Image", v);
                }
                if (r.nextInt(4) > 0) {
                    String v = value(r);
                    s1.put(process ? "TgtProcCmdLine" : "TgtFilePath", v);
                    sysmon.put(process ? "CommandLine" : "TargetFilename", v);
                }
                boolean expected = eval(pr.query().root(), s1);
                if (never) {
                    assertTrue(!expected, () -> "refused but matches: " + query + "\nS1 event: " + s1);
                    continue;
                }
                boolean actual = SplMiniEval.matches(t.output(), sysmon);
                assertEquals(expected, actual, () -> "query: " + query + "\nspl: " + t.output() + "\nS1 event: " + s1);
            }
        }
        assertTrue(refused > 0 && perKindWhere > 50, "refused " + refused + ", per-kind where " + perKindWhere);
    }

    private static final String[] NAME_FIELDS = {"TgtProcName", "SrcProcName", "TgtProcImagePath", "SrcProcImagePath"};
    private static final String[] NAME_PIECES = {"a", "A", "b", "*", "\"", " ", ".exe", ".EXE", "sh"};
    private static final String SYSMON_WINDOWS = "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational";

    /**
     * Process names in the sysmon profile: TgtProcName and SrcProcName are the last segment (after the last \ or /)
     * of Image, ParentImage, SourceImage or TargetImage, depending on the event kind. Random queries over names and
     * paths on process creation (Windows and Linux), file creation and process access, against S1 events whose
     * names are the last segments of their paths and the events' Sysmon twins: the emitted search terms (exact or
     * pre-filter globs) and the where clause on replace(...) must keep exactly the twins of the matching events.
     */
    @Test
    void sysmonProcessNamesAreTheLastSegmentOfTheImagePaths() {
        Random r = new Random(11);
        SplTranslator spl = new SplTranslator();
        S1qlParser parser = new S1qlParser();
        int whereOnName = 0;
        int exactNameTerms = 0;
        int prefilters = 0;
        int compared = 0;
        for (int q = 0; q < 800; q++) {
            String query = "(EventType = \"Process Creation\" OR EventType = \"File Creation\" OR EventType = "
                    + "\"Open Remote Process Handle\") AND (" + nameExpr(r, 1) + ")";
            ParseResult pr = parser.parse(query);
            Translation t = sysmonTranslation(spl, query, pr);
            boolean never = !t.ok();
            if (!never) {
                String out = t.output();
                if (out.contains("replace(")) whereOnName++;
                if (out.contains("\"*/")) exactNameTerms++;
                String head = out.contains(" | where ") ? out.substring(0, out.indexOf(" | where ")) : out;
                if (head.matches("(?s).*(Image|ParentImage|SourceImage|TargetImage)(=| IN \\()\"\\*.*")
                        && out.contains("replace(")) prefilters++;
            }
            agreesOnTwins(r, query, pr, t, SplDifferentialTest::twins);
            if (!never) compared += TWINS;
        }
        String counts = "where on a name " + whereOnName + ", exact name terms " + exactNameTerms + ", pre-filtered "
                + prefilters + ", compared " + compared;
        assertTrue(whereOnName > 300 && exactNameTerms > 20 && prefilters > 50 && compared > 20_000, counts);
    }

    /** Random S1 events compared per query in the name tests. */
    private static final int TWINS = 30;

    /** Makes a random S1 event and its Sysmon twin. */
    private interface Twins {
        void make(Random r, Map<String, String> s1, Map<String, String> sysmon);
    }

    /** The query translated to sysmon; an error may only say that no event can match it. */
    private static Translation sysmonTranslation(SplTranslator spl, String query, ParseResult pr) {
        assertTrue(pr.ok(), () -> query + " " + pr.diagnostics());
        Translation t = spl.translate(pr.query(), new TranslationOptions("sysmon", null, false));
        assertTrue(t.ok() || t.diagnostics().stream().filter(Diagnostic::isError)
                .allMatch(d -> d.code() == Code.TRANSLATION_NO_TABLE), () -> query + " " + t.diagnostics());
        return t;
    }

    /**
     * On {@link #TWINS} random twin events, the emitted SPL keeps the Sysmon twin exactly when the query matches
     * the S1 event (a refused query must match none); returns how many the query matched.
     */
    private static int agreesOnTwins(Random r, String query, ParseResult pr, Translation t, Twins twins) {
        int matched = 0;
        for (int e = 0; e < TWINS; e++) {
            Map<String, String> s1 = new HashMap<>();
            Map<String, String> sysmon = new HashMap<>();
            twins.make(r, s1, sysmon);
            boolean expected = eval(pr.query().root(), s1);
            if (!t.ok()) {
                assertTrue(!expected, () -> "refused but matches: " + query + "\nS1 event: " + s1);
                continue;
            }
            boolean actual = SplMiniEval.matches(t.output(), sysmon);
            assertEquals(expected, actual, () -> "query: " + query + "\nspl: " + t.output() + "\nS1 event: " + s1
                    + "\nSysmon event: " + sysmon);
            if (expected) matched++;
        }
        return matched;
    }

    /** A random S1 event of one of the kinds the name test covers, and its Sysmon twin. */
    private static void twins(Random r, Map<String, String> s1, Map<String, String> sysmon) {
        int kind = r.nextInt(5);
        boolean linux = kind == 1 || kind == 3;
        s1.put("EventType", kind < 2 ? "Process Creation" : kind < 4 ? "File Creation" : "Open Remote Process Handle");
        s1.put("EndpointOS", linux ? "linux" : "windows");
        sysmon.put(linux ? "sourcetype" : "source", linux ? "sysmon:linux" : SYSMON_WINDOWS);
        sysmon.put("EventCode", kind < 2 ? "1" : kind < 4 ? "11" : "10");
        String src = kind < 2 ? "ParentImage" : kind < 4 ? "Image" : "SourceImage";
        String tgt = kind < 2 ? "Image" : kind < 4 ? null : "TargetImage";
        if (r.nextInt(5) > 0) {
            String path = path(r);
            s1.put("SrcProcImagePath", path);
            s1.put("SrcProcName", lastSegment(path));
            sysmon.put(src, path);
        }
        if (tgt != null && r.nextInt(5) > 0) {
            String path = path(r);
            s1.put("TgtProcImagePath", path);
            s1.put("TgtProcName", lastSegment(path));
            sysmon.put(tgt, path);
        }
    }

    /** What SentinelOne reports as the process name: the image path's text after its last \ or /. */
    private static String lastSegment(String path) {
        return path.substring(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
    }

    private static String path(Random r) {
        StringBuilder b = new StringBuilder(r.nextInt(3) == 0 ? "" : r.nextBoolean() ? "C:" : "");
        for (int i = r.nextInt(3); i > 0; i--) b.append(nameValue(r)).append(r.nextBoolean() ? "\\" : "/");
        // now and then a path that ends in a separator: its name is empty (but never an empty path, which Splunk may
        // not extract at all: the case of warning S3009)
        return r.nextInt(40) == 0 && b.length() > 2 ? b.toString() : b.append(nameValue(r)).toString();
    }

    private static String nameValue(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(3) + 1; i > 0; i--) b.append(NAME_PIECES[r.nextInt(NAME_PIECES.length)]);
        return b.toString();
    }

    /** A query value for a name test: mostly one segment, now and then with a separator inside. */
    private static String nameQueryValue(Random r) {
        String v = nameValue(r);
        if (r.nextInt(8) == 0) v = (r.nextBoolean() ? "\\" : "/") + v;
        return v;
    }

    private static String nameExpr(Random r, int depth) {
        return nameExpr(r, depth, NAME_FIELDS);
    }

    /** A random expression over name and path tests on the given fields. */
    private static String nameExpr(Random r, int depth, String[] fields) {
        int k = depth >= 3 ? 0 : r.nextInt(5);
        if (k == 1) return nameExpr(r, depth + 1, fields) + " AND " + nameExpr(r, depth + 1, fields);
        if (k == 2) return nameExpr(r, depth + 1, fields) + " OR " + nameExpr(r, depth + 1, fields);
        if (k == 3) return "NOT (" + nameExpr(r, depth + 1, fields) + ")";
        if (k == 4) return "(" + nameExpr(r, depth + 1, fields) + ")";
        String field = fields[r.nextInt(fields.length)];
        String op = TEXT_OPS[r.nextInt(TEXT_OPS.length)];
        if (op.equals("EXISTS") || op.startsWith("IS")) return field + " " + op;
        if (op.equals("RegExp")) {
            return field + " RegExp " + quoted(new String[]{"a.b", "^A", "b$", "a|B", "^sh", "exe$", "^$"}[r.nextInt(7)]);
        }
        if (op.contains("In")) return field + " " + op + " (" + quoted(nameQueryValue(r)) + ", "
                + quoted(nameQueryValue(r)) + ")";
        return field + " " + op + " " + quoted(nameQueryValue(r));
    }

    private static final String[] FILE_NAME_FIELDS = {"TgtFileName", "TgtFilePath", "SrcProcName"};

    /**
     * File names in the sysmon profile: TgtFileName is the last segment (after the last \ or /) of TargetFilename
     * on every file event Sysmon logs. Random queries over TgtFileName, TgtFilePath and SrcProcName on file creation
     * (Windows, Linux), file deletion (Windows Event IDs 23 and 26, Linux 23), file modification (Event ID 2) and
     * process creation (which carries no target file: every TgtFileName test but IS EMPTY is false there), against
     * S1 events whose file names are the last segments of their paths and the events' Sysmon twins.
     */
    @Test
    void sysmonFileNamesAreTheLastSegmentOfTargetFilename() {
        Random r = new Random(23);
        SplTranslator spl = new SplTranslator();
        S1qlParser parser = new S1qlParser();
        int whereOnFileName = 0;
        int exactNameTerms = 0;
        int prefilters = 0;
        int compared = 0;
        int matched = 0;
        for (int q = 0; q < 800; q++) {
            String body = nameExpr(r, 1, FILE_NAME_FIELDS);
            String query = "(EventType = \"File Creation\" OR EventType = \"File Deletion\" OR EventType = "
                    + "\"File Modification\" OR EventType = \"Process Creation\") AND (" + body + ")";
            ParseResult pr = parser.parse(query);
            Translation t = sysmonTranslation(spl, query, pr);
            boolean never = !t.ok();
            if (!never) {
                String out = t.output();
                if (out.contains("replace(TargetFilename")) whereOnFileName++;
                String head = out.contains(" | where ") ? out.substring(0, out.indexOf(" | where ")) : out;
                // the exact forms: TargetFilename IN ("v","*\\v","*/v") and TargetFilename!="*/v"
                if (head.matches("(?s).*TargetFilename( IN \\([^)]*|!=)\"\\*/.*")) exactNameTerms++;
                if (head.matches("(?s).*TargetFilename(=| IN \\()\"\\*.*") && out.contains("replace(TargetFilename")) {
                    prefilters++;
                }
            }
            matched += agreesOnTwins(r, query, pr, t, SplDifferentialTest::fileTwins);
            if (!never) compared += TWINS;
        }
        String counts = "where on a file name " + whereOnFileName + ", exact name terms " + exactNameTerms
                + ", pre-filtered " + prefilters + ", compared " + compared + ", matching " + matched;
        System.out.println("SPL sysmon file names: " + counts);
        assertTrue(whereOnFileName > 300 && exactNameTerms > 10 && prefilters > 50 && compared > 20_000
                && matched > 2_000, counts);
    }

    /** A random S1 file (or process creation) event and its Sysmon twin. */
    private static void fileTwins(Random r, Map<String, String> s1, Map<String, String> sysmon) {
        int kind = r.nextInt(6);
        boolean linux = kind == 1 || kind == 3;
        s1.put("EventType", kind < 2 ? "File Creation" : kind < 4 ? "File Deletion" : kind == 4 ? "File Modification"
                : "Process Creation");
        s1.put("EndpointOS", linux ? "linux" : "windows");
        sysmon.put(linux ? "sourcetype" : "source", linux ? "sysmon:linux" : SYSMON_WINDOWS);
        sysmon.put("EventCode", kind < 2 ? "11" : kind == 2 ? (r.nextBoolean() ? "23" : "26") : kind == 3 ? "23"
                : kind == 4 ? "2" : "1");
        if (r.nextInt(5) > 0) {
            String path = path(r);
            s1.put("SrcProcImagePath", path);
            s1.put("SrcProcName", lastSegment(path));
            sysmon.put(kind == 5 ? "ParentImage" : "Image", path);
        }
        if (kind < 5 && r.nextInt(5) > 0) {
            String path = path(r);
            s1.put("TgtFilePath", path);
            s1.put("TgtFileName", lastSegment(path));
            sysmon.put("TargetFilename", path);
        }
    }

    private static String value(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(3) + 1; i > 0; i--) b.append(PIECES[r.nextInt(PIECES.length)]);
        String v = b.toString();
        return v.endsWith("\\") ? v + "a" : v;
    }

    private static String quoted(String v) {
        return "\"" + v.replace("\"", "\\\"") + "\"";
    }

    private static String expr(Random r, int depth, boolean textOnly) {
        int k = depth >= 3 ? 0 : r.nextInt(5);
        if (k == 1) return expr(r, depth + 1, textOnly) + " AND " + expr(r, depth + 1, textOnly);
        if (k == 2) return expr(r, depth + 1, textOnly) + " OR " + expr(r, depth + 1, textOnly);
        if (k == 3) return "NOT (" + expr(r, depth + 1, textOnly) + ")";
        if (k == 4) return "(" + expr(r, depth + 1, textOnly) + ")";
        return predicate(r, textOnly);
    }

    private static String predicate(Random r, boolean textOnly) {
        int pick = textOnly ? 9 : r.nextInt(10);
        if (pick == 0) return "TgtProcIntegrityLevel " + (r.nextBoolean() ? "=" : "!=") + " "
                + quoted(r.nextBoolean() ? "High" : "high");
        if (pick == 1) return "DstPort " + new String[]{">", "<", ">=", "<=", "="}[r.nextInt(5)] + " \""
                + r.nextInt(4) + "\"";
        String field = TEXT_FIELDS[r.nextInt(TEXT_FIELDS.length)];
        String op = TEXT_OPS[r.nextInt(TEXT_OPS.length)];
        if (op.equals("EXISTS") || op.startsWith("IS")) return field + " " + op;
        if (op.equals("RegExp")) return field + " RegExp " + quoted(new String[]{"a.b", "^A", "b$", "a|B"}[r.nextInt(4)]);
        if (op.contains("In")) return field + " " + op + " (" + quoted(value(r)) + ", " + quoted(value(r)) + ")";
        return field + " " + op + " " + quoted(value(r));
    }

    private static Map<String, String> event(Random r) {
        Map<String, String> e = new HashMap<>();
        for (String f : TEXT_FIELDS) {
            // no empty values: Splunk may not extract an empty field at all, the case warning S3009 is about
            if (r.nextInt(4) == 0) continue;
            e.put(f, value(r) + (r.nextBoolean() ? value(r) : ""));
        }
        if (r.nextBoolean()) e.put("TgtProcIntegrityLevel", r.nextBoolean() ? "HIGH" : "Low");
        if (r.nextBoolean()) e.put("DstPort", Integer.toString(r.nextInt(4)));
        return e;
    }

    // ---- the S1QL 1.0 meaning (spec §4 and §12.4), written independently of the translator

    private static boolean eval(Expr e, Map<String, String> event) {
        if (e instanceof And a) return a.operands().stream().allMatch(o -> eval(o, event));
        if (e instanceof Or o) return o.operands().stream().anyMatch(x -> eval(x, event));
        if (e instanceof Not n) return !eval(n.operand(), event);
        Predicate p = (Predicate) e;
        String v = event.get(p.field().canonicalName());
        MatchKind kind = p.operator().kind();
        boolean neg = p.operator().negated();
        if (kind == MatchKind.EXISTS) return v != null;
        if (kind == MatchKind.EMPTY) return neg ? v != null && !v.isEmpty() : v == null || v.isEmpty();
        if (v == null) return false;
        boolean ci = p.operator().caseInsensitive() || p.field().resolved().type() == FieldType.ENUM;
        if (kind == MatchKind.COMPARE || p.field().resolved().type() == FieldType.NUMBER) {
            int c = new BigDecimal(v).compareTo(new BigDecimal(p.value().text()));
            if (kind == MatchKind.EQUALS) return neg != (c == 0);
            return p.operator().comparison().holds(c);
        }
        // a 1.0 RegExp ignores case by default (--regex-case), as SentinelOne's own converter reads it
        if (kind == MatchKind.REGEX) {
            return Pattern.compile(p.value().text(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(v).find();
        }
        List<Boolean> hits = new ArrayList<>();
        for (Value val : p.values()) {
            String a = ci ? v.toLowerCase(Locale.ROOT) : v;
            String b = ci ? val.text().toLowerCase(Locale.ROOT) : val.text();
            hits.add(switch (kind) {
                case EQUALS, IN -> a.equals(b);
                case CONTAINS, IN_CONTAINS -> a.contains(b);
                case STARTS_WITH -> a.startsWith(b);
                case ENDS_WITH -> a.endsWith(b);
                default -> throw new IllegalStateException(kind.toString());
            });
        }
        boolean any = hits.contains(true);
        return neg != any;
    }
}
