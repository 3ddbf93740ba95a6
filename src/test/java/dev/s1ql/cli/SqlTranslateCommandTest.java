// `s1ql translate --to sql` end to end: --dialect (an alias of --profile), --table, and settings refused by
// targets that do not read them.
package dev.s1ql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlTranslateCommandTest {

    private static final String Q = "SrcProcName = \"a.exe\"";

    @Test
    void dialectAndProfileAreTheSameOption() {
        TranslateCommandTest.Run d = TranslateCommandTest.run("translate", "--to", "sql", "--dialect", "spark", "-q", Q);
        TranslateCommandTest.Run p = TranslateCommandTest.run("translate", "--to", "sql", "--profile", "spark", "-q", Q);
        assertEquals(0, d.exit(), d.err());
        assertEquals("SELECT * FROM `events` WHERE coalesce(`srcProcName` = 'a.exe', false)\n", d.out());
        assertEquals(d.out(), p.out());
    }

    @Test
    void tableIsQuotedPartByPartPerDialect() {
        assertEquals("SELECT * FROM \"lake\".\"dv\".\"events\" WHERE coalesce(\"srcProcName\" = 'a.exe', false)\n",
                TranslateCommandTest.run("translate", "--to", "sql", "--dialect", "trino", "--table", "lake.dv.events",
                        "-q", Q).out());
        assertTrue(TranslateCommandTest.run("translate", "--to", "sql", "--dialect", "spark", "--table",
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
}
