// Unit tests of the SPL oracle itself: small SPL texts over a few events, each expected result taken from the
// Splunk page named in the test, so that the oracle is checked against the documentation before it judges s1ql's
// translations.
package dev.s1ql.oracle.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplOracleTest {

    private static final List<Map<String, Object>> EVENTS = List.of(
            event("id", "1", "host", "web01", "code", "10", "user", "Alice", "bytes", "300"),
            event("id", "2", "host", "WEB02", "code", "29", "user", "bob", "bytes", "40"),
            event("id", "3", "host", "db01", "code", "43", "bytes", "1000"),
            event("id", "4", "host", "web03", "code", "404", "user", "alice", "tag", List.of("process", "report")));

    private static Map<String, Object> event(Object... kv) {
        Map<String, Object> e = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) e.put((String) kv[i], kv[i + 1]);
        return e;
    }

    private static List<String> ids(String spl) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : SplOracle.run(spl, EVENTS)) out.add(String.valueOf(r.get("id")));
        return out;
    }

    @Test
    void searchPrecedenceAndImpliedAnd() {
        // "Boolean expressions with logical operators": the search command evaluates NOT, then OR, then AND
        assertEquals(List.of("1", "2"), ids("code=10 OR code=29 host=web*"));
        assertEquals(List.of("1"), ids("code=10 OR code=29 user=alice"));
        assertEquals(List.of("3", "4"), ids("NOT host=web0* OR code=404"));
    }

    @Test
    void notVersusNotEquals() {
        // "Difference between NOT and !=": != needs the field, NOT does not
        assertEquals(List.of("2"), ids("user!=Alice"), "values compare without case: alice is Alice");
        assertEquals(List.of("2", "3"), ids("NOT user=alice"));
    }

    @Test
    void wildcardsCaseAndIn() {
        // search command: wildcards; "Use CASE() and TERM()": case-insensitive by default, CASE() for exact case
        assertEquals(List.of("1", "2", "4"), ids("host=web*"));
        assertEquals(List.of("1", "4"), ids("host=CASE(web*)"));
        assertEquals(List.of("1", "2", "3"), ids("code IN (10, 29, 4*3)"));
        assertEquals(List.of("4"), ids("tag=report"), "a multivalue field matches when one value does");
        assertEquals(List.of("1", "2", "4"), ids("user=*"));
        assertEquals(List.of("3", "4"), ids("code>30"), "numbers compare numerically");
    }

    @Test
    void backslashesAndComments() {
        // "Backslashes": \\ is one backslash, the asterisk stays a wildcard; ``` comments ```
        List<Map<String, Object>> paths = List.of(event("id", "a", "p", "C:\\Windows\\cmd.exe"), event("id", "b", "p", "D:\\Windows\\cmd.exe"));
        assertEquals(1, SplOracle.run("p=\"C:\\\\Windows\\\\*\"", paths).size());
        assertEquals(2, SplOracle.run("p=\"*cmd.exe\" ```a comment | where false()```", paths).size());
    }

    @Test
    void whereAndEvalExpressions() {
        // "where command" and the evaluation function pages
        assertEquals(List.of("1"), ids("* | where user==\"Alice\""), "== is case-sensitive");
        assertEquals(List.of("1", "3"), ids("* | where bytes > 100"), "numeric strings compare as numbers");
        assertEquals(List.of("3"), ids("* | where isnull(user)"));
        assertEquals(List.of("1", "2", "4"), ids("* | where like(host, \"%0_\") AND NOT like(host, \"db%\")"));
        assertEquals(List.of("2"), ids("* | where match(host, \"^WEB\")"));
        assertEquals(List.of("1", "4"), ids("* | eval u=lower(user) | where u==\"alice\""));
        Map<String, Object> r = SplOracle.run("* | eval a=if(code>40, \"hi\", \"lo\"), b=case(code==10, \"ten\", code==29, \"29\"),"
                + " c=coalesce(user, host), d=len(host), e=replace(host, \"(\\w+)(\\d\\d)\", \"\\2-\\1\"), f=substr(host, -2),"
                + " g=mvindex(split(\"a,b,c\", \",\"), -1), h=tonumber(\"0x1\"), i=upper(host).\"!\"", EVENTS).get(2);
        assertEquals("hi", r.get("a"));
        assertEquals(null, r.get("b"), "case() without a true condition is null");
        assertEquals("db01", r.get("c"));
        assertEquals(new BigDecimal(4), r.get("d"));
        assertEquals("01-db", r.get("e"));
        assertEquals("01", r.get("f"));
        assertEquals("c", r.get("g"));
        assertEquals(null, r.get("h"));
        assertEquals("DB01!", r.get("i"));
    }

    @Test
    void statsSortHeadTableRename() {
        // "stats command", "sort command" (numbers numerically, missing last, - for descending), "head", "table"
        List<Map<String, Object>> r = SplOracle.run("* | eval h=lower(substr(host, 1, 2)) | stats count, count(user) AS users,"
                + " dc(user), sum(bytes) AS total, avg(bytes), max(bytes), values(user), first(host), last(host), median(bytes)"
                + " BY h | sort -count | rename h AS prefix", EVENTS);
        assertEquals(2, r.size());
        Map<String, Object> web = r.get(0);
        assertEquals("we", web.get("prefix"));
        assertEquals(new BigDecimal(3), web.get("count"));
        assertEquals(new BigDecimal(3), web.get("users"));
        assertEquals(new BigDecimal(3), web.get("dc(user)"));
        assertEquals(new BigDecimal(340), web.get("total"));
        assertEquals(new BigDecimal(170), web.get("avg(bytes)"));
        assertEquals(new BigDecimal(300), web.get("max(bytes)"));
        assertEquals(List.of("Alice", "alice", "bob"), web.get("values(user)"));
        assertEquals("web01", web.get("first(host)"));
        assertEquals("web03", web.get("last(host)"));
        assertEquals(new BigDecimal(40), web.get("median(bytes)"), "nearest rank of 40, 300");
        assertEquals(List.of("3", "1", "2"), ids("bytes=* | sort -bytes"));
        assertEquals(List.of("2", "1", "3", "4"), ids("* | sort bytes"), "the event without bytes comes last");
        assertEquals(List.of("1", "4", "2", "3"), ids("* | sort str(user), -code"), "text: uppercase first, missing last");
        assertEquals(List.of("1", "2"), ids("* | head 2"));
        assertEquals(List.of(Map.of("host", "web01", "id", "1")), SplOracle.run("* | head 1 | table host, id", EVENTS));
        assertEquals(List.of("id", "host"), new ArrayList<>(SplOracle.run("* | head 1 | fields - code, user, bytes", EVENTS).get(0).keySet()));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> ids("* | transaction host"));
        assertThrows(IllegalArgumentException.class, () -> ids("* | eval x=nosuchfunction(host)"));
    }
}
