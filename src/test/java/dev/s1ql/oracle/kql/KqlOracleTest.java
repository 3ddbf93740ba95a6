// Unit tests of the KQL oracle itself: small KQL texts over datatable() rows, each expected result taken from the
// Microsoft page named in the test (the pages' own examples where they give one), so that the oracle is checked
// against the documentation before it judges s1ql's translations.
package dev.s1ql.oracle.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KqlOracleTest {

    private static List<List<Object>> rows(String kql) {
        KqlTable t = KqlOracle.run(kql, Map.of());
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> r : t.completeRows()) out.add(new ArrayList<>(r.values()));
        return out;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Object one(String expr) {
        return rows("datatable(x:long)[1] | project r = " + expr).get(0).get(0);
    }

    @Test
    void nullValuesPageExample() {
        // scalar-data-types/null-values: the example table, row by row
        assertEquals(List.of(row(5L, true, true, false, true), row(null, null, true, null, null)), rows(
                "datatable(val:int)[5, int(null)] | extend IsBiggerThan3 = val > 3"
                        + " | extend IsBiggerThan3OrNull = val > 3 or isnull(val)"
                        + " | extend IsEqualToNull = val == int(null) | extend IsNotEqualToNull = val != int(null)"));
    }

    @Test
    void whereTreatsNullAsFalseAndInequalityWithNullIsTrue() {
        // null-values: "where ival != 5" keeps the row whose ival is null
        assertEquals(List.of(row(null, "b")), rows("datatable(ival:int, sval:string)[5, \"a\", int(null), \"b\"] | where ival != 5"));
    }

    @Test
    void logicalOperatorsWithNull() {
        // logical-operators: bool(null) and true is false, bool(null) or true is true
        assertEquals(false, one("bool(null) and true"));
        assertEquals(true, one("bool(null) or true"));
    }

    @Test
    void stringOperatorsTableExamples() {
        // datatypes-string-operators: the "Example (yields true)" column
        for (String e : List.of("\"aBc\" == \"aBc\"", "\"abc\" != \"ABC\"", "\"abc\" =~ \"ABC\"", "\"aBc\" !~ \"xyz\"",
                "\"FabriKam\" contains \"BRik\"", "\"Fabrikam\" !contains \"xyz\"", "\"FabriKam\" contains_cs \"Kam\"",
                "\"Fabrikam\" !contains_cs \"Kam\"", "\"Fabrikam\" endswith \"Kam\"", "\"Fabrikam\" !endswith \"brik\"",
                "\"Fabrikam\" endswith_cs \"kam\"", "\"Fabrikam\" !endswith_cs \"brik\"", "\"Fabrikam\" startswith \"fab\"",
                "\"Fabrikam\" !startswith \"kam\"", "\"Fabrikam\" startswith_cs \"Fab\"", "\"Fabrikam\" !startswith_cs \"fab\"",
                "\"North America\" has \"america\"", "\"North America\" !has \"amer\"", "\"North America\" has_cs \"America\"",
                "\"North America\" hasprefix \"ame\"", "\"North America\" hassuffix \"ica\"",
                "\"abc\" in (\"123\", \"345\", \"abc\")", "\"abc\" !in (\"123\", \"345\", \"abcd\")",
                "\"abc\" in~ (\"123\", \"345\", \"ABC\")", "\"bca\" !in~ (\"123\", \"345\", \"ABC\")",
                "\"North America\" has_any(\"america\", \"europe\")", "\"Fabrikam\" matches regex \"b.*k\"")) {
            assertEquals(true, one(e), e);
        }
        assertEquals(false, one("\"Fabrikam\" matches regex \"B.*K\""), "matches regex is case-sensitive");
    }

    @Test
    void stringLiterals() {
        // scalar-data-types/string: escapes in "..." and '...', none in verbatim @"...", "" is a quote in @"..."
        assertEquals("C:\\dir\\file", one("@\"C:\\dir\\file\""));
        assertEquals("C:\\dir\\file", one("\"C:\\\\dir\\\\file\""));
        assertEquals("it's", one("'it\\'s'"));
        assertEquals("say \"hi\"", one("@\"say \"\"hi\"\"\""));
        assertEquals("tab\there", one("'tab\\there'"));
        assertEquals("raw \\n", one("@'raw \\n'"));
    }

    @Test
    void sortDefaultsAndNullPlacement() {
        // sort-operator: default desc; nulls first for asc, nulls last for desc
        assertEquals(List.of(row(3L), row(1L), row((Object) null)), rows("datatable(x:long)[3, long(null), 1] | sort by x"));
        assertEquals(List.of(row((Object) null), row(1L), row(3L)), rows("datatable(x:long)[3, long(null), 1] | order by x asc"));
        assertEquals(List.of(row(1L), row(3L), row((Object) null)), rows("datatable(x:long)[3, long(null), 1] | sort by x asc nulls last"));
        // top-operator: top N by x = sort by x desc | take N
        assertEquals(List.of(row(9L), row(5L)), rows("datatable(x:long)[5, 2, 9] | top 2 by x"));
        assertEquals(List.of(row(5L)), rows("datatable(x:long)[5, 2, 9] | take 1"));
    }

    @Test
    void summarizeIgnoresNullsAndNamesColumns() {
        // summarize-operator with count(), sum(), dcount(); null-values: aggregations ignore nulls
        KqlTable t = KqlOracle.run("datatable(k:string, v:long)[\"a\", 1, \"a\", 3, \"b\", long(null)]"
                + " | summarize count(), s = sum(v), dcount(v) by k", Map.of());
        assertEquals(List.of("k", "count_", "s", "dcount_v"), t.columns().stream().map(KqlColumn::name).toList());
        assertEquals(List.of(Map.of("k", "a", "count_", 2L, "s", 4L, "dcount_v", 2L)), t.completeRows().subList(0, 1));
        assertEquals(row("b", 1L, null, 0L), new ArrayList<>(t.completeRows().get(1).values()));
        // one row for an empty input without by
        assertEquals(List.of(row(0L)), rows("datatable(v:long)[1] | where v > 5 | summarize count()"));
    }

    @Test
    void moreAggregations() {
        String data = "datatable(k:string, v:long)[\"a\", 1, \"a\", 2, \"a\", 3, \"a\", 4, \"a\", 5, \"a\", 6, \"a\", 7, \"a\", 8, \"a\", 9, \"a\", 10]";
        // percentile: nearest-rank; avg, min, max
        assertEquals(List.of(row(5L, 10L, 5.5, 1L, 10L)), rows(data
                + " | summarize p50 = percentile(v, 50), p95 = percentile(v, 95), a = avg(v), lo = min(v), hi = max(v)"));
        assertEquals(List.of(row(10L, "a")), rows(data + " | summarize arg_max(v, k)"));
        assertEquals(List.of(row(3L)), rows(data + " | summarize c = countif(v > 7)"));
        assertEquals("[\"a\"]", rows(data + " | summarize s = make_set(k)").get(0).get(0).toString());
    }

    @Test
    void unionOuterFillsMissingColumns() {
        // union-operator: kind=outer (default) has every leg's columns; a string column has no null
        KqlTable t = KqlOracle.run("union (datatable(a:long)[1]), (datatable(b:string)[\"x\"])", Map.of());
        assertEquals(List.of(row(1L, ""), row(null, "x")), t.completeRows().stream().map(r -> new ArrayList<>(r.values())).toList());
        KqlTable typed = KqlOracle.run("union (datatable(a:long)[1]), (datatable(a:string)[\"x\"])", Map.of());
        assertEquals(List.of("a_long", "a_string"), typed.columns().stream().map(KqlColumn::name).toList());
    }

    @Test
    void projectExtendRename() {
        assertEquals(List.of(row("X", 2L)), rows("datatable(a:string, b:long)[\"x\", 1] | extend c = b + 1"
                + " | project-rename d = c | project u = toupper(a), d"));
        assertEquals(List.of(row("x")), rows("datatable(a:string, b:long)[\"x\", 1] | project-away b"));
        assertEquals(List.of(row("x"), row("y")), rows("datatable(a:string)[\"x\", \"y\", \"x\"] | distinct a"));
        assertEquals(List.of(row(3L)), rows("datatable(a:string)[\"x\", \"y\", \"x\"] | count"));
    }

    @Test
    void scalarFunctions() {
        assertEquals(true, one("isempty(\"\")"));
        assertEquals(false, one("isnull(\"\")"), "isnull-function: a string is never null");
        assertEquals(true, one("isnull(long(null))"));
        assertEquals("", one("tostring(long(null))"));
        assertEquals(123L, one("tolong(\"123\")"));
        assertEquals(null, one("tolong(\"abc\")"));
        assertEquals(1000.0, one("todouble(\"1e3\")"));
        assertEquals(5L, one("strlen(\"hello\")"));
        assertEquals("ell", one("substring(\"hello\", 1, 3)"));
        assertEquals("A-b-c", one("replace_string(\"A.b.c\", \".\", \"-\")"));
        assertEquals("b=a", one("replace_regex(\"a=b\", @\"(\\w)=(\\w)\", @\"\\2=\\1\")"));
        assertEquals("42", one("extract(@\"id=(\\d+)\", 1, \"x id=42 y\")"));
        assertEquals("", one("extract(@\"id=(\\d+)\", 1, \"none\")"));
        assertEquals("[\"aa\",\"bb\"]", one("split(\"aa_bb\", \"_\")").toString());
        assertEquals("[\"bb\"]", one("split(\"aa_bb\", \"_\", 1)").toString());
        assertEquals("a1", one("strcat(\"a\", 1)"));
        assertEquals("no", one("iff(1 > 2, \"yes\", \"no\")"));
        assertEquals("two", one("case(1 > 2, \"one\", 2 > 1, \"two\", \"none\")"));
        assertEquals(true, one("x between (1 .. 1)"));
        assertEquals(true, one("datetime(2022-02-20T12:16:36.638Z) < datetime(2022-02-20 12:16:37)"));
        assertEquals("v", one("tostring(parse_json('{\"k\": \"v\"}').k)"));
    }

    @Test
    void refusesWhatKustoRefuses() {
        assertThrows(KqlException.class, () -> rows("datatable(x:long)[1] | where y == 1"), "unknown column");
        assertThrows(KqlException.class, () -> rows("datatable(x:long)[1] | where x == \"1\""), "long against string");
        KqlException re2 = assertThrows(KqlException.class, () -> rows("datatable(s:string)[\"ab\"] | where s matches regex \"a(?=b)\""));
        assertTrue(re2.getMessage().contains("RE2"), re2.getMessage());
        assertThrows(KqlException.class, () -> rows("datatable(x:long)[1] | mv-expand x"), "an operator outside the subset");
    }

    @Test
    void tabularSubqueryInIn() {
        Map<String, KqlTable> db = Map.of(
                "Info", KqlOracle.run("datatable(DeviceId:string, OSPlatform:string)[\"d1\", \"Windows10\", \"d2\", \"Linux\"]", Map.of()),
                "Events", KqlOracle.run("datatable(DeviceId:string, n:long)[\"d1\", 1, \"d2\", 2, \"d3\", 3]", Map.of()));
        KqlTable t = KqlOracle.run("Events | where DeviceId in ((Info | where OSPlatform startswith \"Windows\" | distinct DeviceId))", db);
        assertEquals(List.of(Map.of("DeviceId", "d1", "n", 1L)), t.completeRows());
    }

    @Test
    void aHuntingPipeline() {
        // the shape issue 12 asks of pipelines: where, extend, summarize by, sort, take
        String data = "datatable(Device:string, Cmd:string)[\"h1\", \"powershell -enc A\", \"h2\", \"cmd /c x\","
                + " \"h1\", \"POWERSHELL -ENC B\", \"h3\", \"powershell -enc C\", \"h1\", \"powershell -nop\"]";
        assertEquals(List.of(row("h1", 2L), row("h3", 1L)), rows(data
                + " | where Cmd contains \"-enc\" | extend Len = strlen(Cmd) | summarize n = count(), longest = max(Len) by Device"
                + " | sort by n desc | project Device, n | take 10"));
    }
}
