// Golden 1.0 → 2.0 migrations (src/test/resources/golden/s1ql2-migration.tsv), one row per operator family,
// through the translate registry exactly as `s1ql translate --to s1ql2` runs it. An expected column
// `refused S3001` says the migration must refuse the query with that error code.
package dev.s1ql.s1ql2;

import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1ql2Parser;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenMigrations() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/golden/s1ql2-migration.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t", 2))
                .map(c -> DynamicTest.dynamicTest(c[0], () -> {
                    ParseResult r = new S1qlParser().parse(c[0]);
                    assertTrue(r.ok(), r.diagnostics()::toString);
                    Translation t = Translators.forTarget("s1ql2").translate(r.query(), TranslationOptions.defaults());
                    if (c[1].startsWith("refused ")) {
                        // a query 2.0 cannot say: no output, and an error with the code given
                        assertTrue(!t.ok(), () -> c[0] + " migrated to " + t.output());
                        String code = c[1].substring("refused ".length());
                        assertTrue(t.diagnostics().stream().anyMatch(d -> d.isError() && d.code().id().equals(code)),
                                () -> c[0] + ": no error " + code + " in " + t.diagnostics());
                        return;
                    }
                    assertEquals(c[1], t.output(), () -> c[0] + " " + t.diagnostics());
                    // and the output is valid 2.0
                    assertTrue(new S1ql2Parser().parse(t.output()).ok(), t.output());
                }));
    }
}
