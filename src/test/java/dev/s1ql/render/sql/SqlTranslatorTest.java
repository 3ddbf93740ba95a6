// The SQL text per dialect for the constructs whose spelling differs between engines.
package dev.s1ql.render.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.TranslationSetupException;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.Test;

class SqlTranslatorTest {

    private static String sql(String query, String profile) {
        ParseResult r = new S1qlParser().parse(query);
        assertTrue(r.ok(), query);
        Translation t = Translators.forTarget("sql").translate(r.query(), new TranslationOptions(profile, null, false));
        assertTrue(t.ok(), () -> query + " " + t.diagnostics());
        return t.output();
    }

    @Test
    void notOfAPredicateIsTrueOnAMissingFieldBecauseEveryLeafIsTwoValued() {
        assertEquals("SELECT * FROM \"events\" WHERE NOT coalesce(\"srcProcName\" = 'x', false)",
                sql("NOT SrcProcName = \"x\"", "duckdb"));
        assertEquals("SELECT * FROM \"events\" WHERE coalesce(NOT (\"srcProcName\" = 'x'), false)",
                sql("SrcProcName != \"x\"", null));
    }

    @Test
    void enumFieldsAndCisOperatorsFoldBothSides() {
        assertEquals("SELECT * FROM \"events\" WHERE coalesce(lower(\"objectType\") = lower('DNS'), false) AND "
                        + "coalesce(lower(\"dnsRequest\") LIKE lower('%ipify%'), false)",
                sql("ObjectType = \"DNS\" AND DnsRequest ContainsCIS \"ipify\"", null));
    }

    @Test
    void sparkEscapesBackslashesAndQuotesInLiteralsAndUsesBackquotesAndRlike() {
        assertEquals("SELECT * FROM `events` WHERE coalesce(`tgtProcCmdLine` LIKE '%a\\\\%\\'b%' ESCAPE '\\\\', false)"
                        + " OR coalesce(`tgtProcName` RLIKE '(?iu)\\\\d+', false)",
                sql("TgtProcCmdLine Contains \"a%'b\" OR TgtProcName RegExp \"\\d+\"", "spark"));
    }

    @Test
    void trinoAndDuckDbKeepBackslashesAndDoubleQuotes() {
        assertEquals("SELECT * FROM \"events\" WHERE coalesce(\"tgtProcCmdLine\" LIKE '%a\\%''b%' ESCAPE '\\', false)"
                        + " OR coalesce(regexp_like(\"tgtProcName\", '(?i)\\d+'), false)",
                sql("TgtProcCmdLine Contains \"a%'b\" OR TgtProcName RegExp \"\\d+\"", "trino"));
        assertTrue(sql("TgtProcName RegExp \"\\d+\"", "duckdb").contains("regexp_matches(\"tgtProcName\", '(?i)\\d+')"));
    }

    @Test
    void numbersCompareNumericallyOnlyWhenTheValueReadsAsANumber() {
        assertEquals("SELECT * FROM \"events\" WHERE coalesce((regexp_matches(\"dstPort\", '^-?[0-9]+([.][0-9]+)?$')"
                + " AND TRY_CAST(\"dstPort\" AS DOUBLE) > 1024), false)", sql("DstPort > \"1024\"", "duckdb"));
        assertTrue(sql("DstPort > \"1024\"", "spark").contains("try_cast(`dstPort` AS DOUBLE) > 1024"));
    }

    @Test
    void unknownProfileIsAUsageError() {
        ParseResult r = new S1qlParser().parse("SrcProcName = \"x\"");
        assertThrows(TranslationSetupException.class, () -> Translators.forTarget("sql")
                .translate(r.query(), new TranslationOptions("oracle", null, false)));
    }

    @Test
    void aRegexRe2CannotRunIsAnErrorForDuckDbOnlyAndNamesTheConstruct() {
        ParseResult r = new S1qlParser().parse("TgtProcCmdLine RegExp \"(\\w)\\1\" OR TgtProcName RegExp \"a(?=b)\"");
        Translation duck = Translators.forTarget("sql").translate(r.query(), new TranslationOptions("duckdb", null, false));
        assertTrue(!duck.ok(), duck.diagnostics().toString());
        assertTrue(duck.diagnostics().stream().anyMatch(d -> d.isError() && d.message().contains("a back-reference")),
                duck.diagnostics().toString());
        assertTrue(duck.diagnostics().stream().anyMatch(d -> d.isError() && d.message().contains("a look-ahead")),
                duck.diagnostics().toString());
        assertTrue(sql("TgtProcName RegExp \"a(?=b)\"", "spark").contains("RLIKE '(?iu)a(?=b)'"));
        assertTrue(sql("TgtProcName RegExp \"a(?=b)\"", "trino").contains("regexp_like(\"tgtProcName\", '(?i)a(?=b)')"));
    }
}
