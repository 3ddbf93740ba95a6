// Golden files (src/test/resources/golden/kql/*.golden): each case is a query with the KQL expected for each
// profile, reviewed by hand for meaning. Adding a case is adding a file. Run with -Ds1ql.golden.update=true
// to rewrite the expected sections from the current output (then review the diff before committing).
package dev.s1ql.render.kql;

import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translator;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlGoldenTest {

    static final Path DIR = Path.of("src/test/resources/golden/kql");
    static final List<String> PROFILES = List.of("mde", "sentinel-asim");

    static List<KqlGoldenCase> cases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            List<KqlGoldenCase> out = new java.util.ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".golden")).sorted().toList()) out.add(KqlGoldenCase.read(p));
            return out;
        }
    }

    /** The text a case's profile section holds for a translation: the KQL, or "!error" and the error codes. */
    static String actual(Translation t) {
        if (t.ok()) return t.output();
        return "!error " + t.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.code().id())
                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(" "));
    }

    static String codes(Translation t) {
        return t.diagnostics().stream().map(d -> d.code().id()).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(" "));
    }

    static Translation translate(String query, String profile) {
        ParseResult r = new dev.s1ql.parse.QueryReader().read(query, dev.s1ql.parse.DialectChoice.AUTO);
        assertTrue(r.ok(), () -> "golden query does not parse: " + query + "\n" + r.diagnostics());
        Translator kql = Translators.forTarget("kql");
        return kql.translate(r.query(), new TranslationOptions(profile, null, false));
    }

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        boolean update = Boolean.getBoolean("s1ql.golden.update");
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.file().getFileName().toString(), () -> {
            Map<String, String> fresh = new LinkedHashMap<>();
            fresh.put("query", c.query());
            for (String profile : PROFILES) {
                Translation t = translate(c.query(), profile);
                if (update) {
                    fresh.put(profile, actual(t));
                    fresh.put(profile + " codes", codes(t));
                    continue;
                }
                if (c.expected(profile) != null) {
                    assertEquals(c.expected(profile), actual(t), () -> c.file() + " [" + profile + "]\nquery: "
                            + c.query() + "\ndiagnostics: " + t.diagnostics());
                }
                if (c.expectedCodes(profile) != null) {
                    assertEquals(c.expectedCodes(profile), codes(t), () -> c.file() + " [" + profile
                            + " codes]\ndiagnostics: " + t.diagnostics());
                }
            }
            if (update) c.write(fresh);
        }));
    }
}
