// Golden files of the SPL translator: one file per case under src/test/resources/golden/spl/, holding the S1QL
// query, the expected SPL per profile (or ERROR) and the diagnostic codes (a trailing '!' marks an error).
// Adding a case is adding a file; every expected rendering was reviewed by hand for meaning. Run with
// -Ds1ql.golden.update=true to rewrite the expected renderings and codes from the current output (then review the
// diff before committing).
package dev.s1ql.render.spl;

import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplGoldenTest {

    private static final SplTranslator SPL = new SplTranslator();

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException, URISyntaxException {
        Path dir = Path.of("src/test/resources/golden/spl");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".case")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "golden cases found: " + files.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            Map<String, String> c = read(f);
            String name = f.getFileName().toString().replace(".case", "");
            for (String profile : SplProfileLoader.PROFILES) {
                if (!c.containsKey(profile)) continue;
                tests.add(DynamicTest.dynamicTest(name + " [" + profile + "]", () -> check(c, profile, f)));
            }
        }
        return tests.stream();
    }

    private static void check(Map<String, String> c, String profile, Path file) throws IOException {
        String query = c.get("query");
        ParseResult pr = new dev.s1ql.parse.QueryReader().read(query, dev.s1ql.parse.DialectChoice.AUTO);
        assertTrue(pr.ok(), () -> "does not parse: " + query + " " + pr.diagnostics());
        Translation t = SPL.translate(pr.query(), new TranslationOptions(profile, null, false));
        String actual = t.ok() ? t.output() : "ERROR";
        if (Boolean.getBoolean("s1ql.golden.update")) {
            update(file, profile, actual, t);
            return;
        }
        assertEquals(c.get(profile), actual, () -> "query: " + query + "\ndiagnostics: " + t.diagnostics());
        if (t.ok()) {
            List<String> problems = SplStructure.check(actual);
            assertTrue(problems.isEmpty(), () -> "structure: " + problems + "\n" + actual);
        }
        String expectedCodes = c.get("codes." + profile);
        if (expectedCodes != null) {
            TreeSet<String> codes = new TreeSet<>();
            for (Diagnostic d : t.diagnostics()) codes.add(d.code().id() + (d.isError() ? "!" : ""));
            assertEquals(expectedCodes, String.join(" ", codes), () -> "query: " + query + "\n" + t.diagnostics());
        }
    }

    /** Rewrites one profile's rendering and codes lines of a case file in place. */
    private static synchronized void update(Path file, String profile, String actual, Translation t) throws IOException {
        TreeSet<String> codes = new TreeSet<>();
        for (Diagnostic d : t.diagnostics()) codes.add(d.code().id() + (d.isError() ? "!" : ""));
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith(profile + ":")) line = profile + ": " + actual;
            else if (line.startsWith("codes." + profile + ":")) line = ("codes." + profile + ": " + String.join(" ", codes)).stripTrailing();
            out.add(line);
        }
        Files.write(file, out, StandardCharsets.UTF_8);
    }

    /** {@code key: value} lines; '#' lines are the case's description. */
    static Map<String, String> read(Path f) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            int colon = line.indexOf(':');
            String value = line.substring(colon + 1);
            m.put(line.substring(0, colon).trim(), value.startsWith(" ") ? value.substring(1) : value);
        }
        return m;
    }
}
