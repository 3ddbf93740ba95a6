// Runs the diagnostic spec files (src/test/resources/diagnostics/*.cases): each case is a query and the exact
// diagnostics it must produce (severity, code, line:column, message, hint). Adding a case is adding text.
package dev.s1ql.check;

import dev.s1ql.diag.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DiagnosticCasesTest {

    static final Path DIR = Path.of("src/test/resources/diagnostics");

    /** One case: "=== name [strict]", query lines, "---", expected lines. */
    record Case(String file, String name, boolean strict, String query, List<String> expected) {
    }

    @TestFactory
    Stream<DynamicTest> diagnosticCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cases")).sorted().toList()) cases.addAll(read(f));
        }
        assertFalse(cases.isEmpty(), "no cases found in " + DIR);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.name(), () -> {
            Validator.Result r = new Validator(CheckOptions.DEFAULTS.withStrict(c.strict())).validate(c.query());
            assertEquals(String.join("\n", c.expected()), String.join("\n", render(r.diagnostics())),
                    "diagnostics of:\n" + c.query());
        }));
    }

    /** The form expected lines are written in. */
    static List<String> render(List<Diagnostic> ds) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : ds) {
            out.add(d.severity().label() + " " + d.code().id() + " " + d.span().line() + ":" + d.span().column() + " "
                    + d.message());
            if (d.hint() != null) out.add("  hint " + d.hint());
        }
        return out;
    }

    static List<Case> read(Path file) throws IOException {
        List<Case> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = null;
        boolean strict = false;
        List<String> query = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        boolean inExpected = false;
        for (String line : lines) {
            if (line.startsWith("=== ")) {
                if (name != null) out.add(new Case(file.getFileName().toString(), name, strict, String.join("\n", query), expected));
                String header = line.substring(4).strip();
                strict = header.endsWith("[strict]");
                name = strict ? header.substring(0, header.length() - "[strict]".length()).strip() : header;
                query = new ArrayList<>();
                expected = new ArrayList<>();
                inExpected = false;
            } else if (name == null) {
                continue; // file header comments
            } else if (line.equals("---")) {
                inExpected = true;
            } else if (inExpected) {
                if (!line.isBlank()) expected.add(line);
            } else {
                query.add(line);
            }
        }
        if (name != null) out.add(new Case(file.getFileName().toString(), name, strict, String.join("\n", query), expected));
        return out;
    }
}
