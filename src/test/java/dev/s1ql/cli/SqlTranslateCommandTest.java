// `s1ql translate --to sql` end to end: --profile names the SQL product (--dialect is the query language only),
// --table, and settings refused by targets that do not read them.
package dev.s1ql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlTranslateCommandTest {

    private static final String Q = "SrcProcName = \"a.exe\"";

    @Test
    void theSqlProductIsTheProfileAndDialectSaysSoWhenGivenOne() {
        TranslateCommandTest.Run p = TranslateCommandTest.run("translate", "--to", "sql", "--profile", "spark", "-q", Q);
        assertEquals(0, p.exit(), p.err());
        assertEquals("SELECT * FROM `events` WHERE coalesce(`srcProcName` = 'a.exe', false)\n", p.out());
        TranslateCommandTest.Run d = TranslateCommandTest.run("translate", "--to", "sql", "--dialect", "spark", "-q", Q);
        assertEquals(2, d.exit(), d.err());
        assertTrue(d.err().contains("--dialect is the query language; the SQL product is --profile spark"), d.err());
    }

    @Test
    void tableIsQuotedPartByPartPerDialect() {
        assertEquals("SELECT * FROM \"lake\".\"dv\".\"events\" WHERE coalesce(\"srcProcName\" = 'a.exe', false)\n",
                TranslateCommandTest.run("translate", "--to", "sql", "--profile", "trino", "--table", "lake.dv.events",
                        "-q", Q).out());
        assertTrue(TranslateCommandTest.run("translate", "--to", "sql", "--profile", "spark", "--table",
                "hive.dv_2026", "-q", Q).out().startsWith("SELECT * FROM `hive`.`dv_2026` WHERE"));
    }

    @Test
    void aBadTableNameOrASettingOfAnotherTargetIsAUsageError() {
        TranslateCommandTest.Run bad = TranslateCommandTest.run("translate", "--to", "sql", "--table", "a..b", "-q", Q);
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("not a table name"), bad.err());
        TranslateCommandTest.Run kql = TranslateCommandTest.run("translate", "--to", "kql", "--table", "t", "-q", Q);
        assertEquals(2, kql.exit());
        assertTrue(kql.err().contains("--table does not apply to --to kql"), kql.err());
    }

    @Test
    void otherCommandsStillReadDialectAsTheQueryLanguageOnly() {
        TranslateCommandTest.Run v = TranslateCommandTest.run("validate", "--dialect", "spark", "-q", Q);
        assertEquals(2, v.exit());
        assertTrue(v.err().contains("unknown dialect 'spark'"), v.err());
        TranslateCommandTest.Run both = TranslateCommandTest.run("translate", "--to", "sql", "--dialect", "1.0",
                "--profile", "trino", "-q", Q);
        assertEquals(0, both.exit(), both.err());
        assertTrue(both.out().startsWith("SELECT * FROM \"events\""), both.out());
    }

    @Test
    void v2ColumnsAreNestedStructFieldsQuotedPerDialect() {
        String q = "SrcProcName = \"a.exe\" AND ObjectType = \"DNS\" AND SrcProcSignedStatus = \"signed\"";
        assertEquals("SELECT * FROM \"events\" WHERE coalesce(\"src\".\"process\".\"name\" = 'a.exe', false) AND "
                        + "coalesce(lower(\"event\".\"category\") = lower('DNS'), false) AND "
                        + "coalesce(lower(\"src\".\"process\".\"signedStatus\") = lower('signed'), false)\n",
                TranslateCommandTest.run("translate", "--to", "sql", "--columns", "v2", "-q", q).out());
        assertTrue(TranslateCommandTest.run("translate", "--to", "sql", "--profile", "spark", "--columns", "v2", "-q",
                Q).out().contains("`src`.`process`.`name` = 'a.exe'"));
        TranslateCommandTest.Run bad = TranslateCommandTest.run("translate", "--to", "sql", "--columns", "v3", "-q", Q);
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("unknown column naming 'v3'"), bad.err());
    }

    @Test
    void aMappingFileNamesSingleColumnsOverTheNaming(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path m = dir.resolve("columns.tsv");
        java.nio.file.Files.writeString(m, "# my lake\nfield\tcolumn\nSrcProcName\tproc.image_name\n"
                + "event.category\tkind\n");
        TranslateCommandTest.Run r = TranslateCommandTest.run("translate", "--to", "sql", "--profile", "trino",
                "--columns", "v2", "--mapping", m.toString(), "-q", "SrcProcName = \"a\" AND ObjectType = \"dns\" "
                        + "AND TgtProcName = \"b\"");
        assertEquals(0, r.exit(), r.err());
        assertEquals("SELECT * FROM \"events\" WHERE coalesce(\"proc\".\"image_name\" = 'a', false) AND "
                + "coalesce(lower(\"kind\") = lower('dns'), false) AND coalesce(\"tgt\".\"process\".\"name\" = 'b', "
                + "false)\n", r.out());
        java.nio.file.Files.writeString(m, "field\tcolumn\nSrcProcName\t\n");
        TranslateCommandTest.Run bad = TranslateCommandTest.run("translate", "--to", "sql", "--mapping", m.toString(),
                "-q", Q);
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("row 1"), bad.err());
    }
}
