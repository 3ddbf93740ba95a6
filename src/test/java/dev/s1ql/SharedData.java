// Locates ../shared (the reference corpus beside the checkout) and skips a test clearly when it is absent.
package dev.s1ql;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

public final class SharedData {
    private SharedData() {
    }

    /** The shared folder: -Ds1ql.shared=DIR, else ../shared relative to the project directory. */
    public static Path root() {
        String prop = System.getProperty("s1ql.shared");
        return prop != null ? Path.of(prop) : Path.of("..", "shared").toAbsolutePath().normalize();
    }

    /** The parsed S1QL 1.0 queries of corpus/sigma_s1.jsonl, in file order (a skipped test without ../shared). */
    public static java.util.List<dev.s1ql.ast.Query> corpusQueries() throws java.io.IOException {
        Path corpus = require("corpus/sigma_s1.jsonl");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        dev.s1ql.parse.S1qlParser parser = new dev.s1ql.parse.S1qlParser();
        java.util.List<dev.s1ql.ast.Query> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(corpus, java.nio.charset.StandardCharsets.UTF_8)) {
            dev.s1ql.parse.ParseResult r = parser.parse(json.readTree(line).path("s1ql").asText());
            if (r.ok()) out.add(r.query());
        }
        return out;
    }

    /** A file under ../shared, or a skipped test (with the reason) when it is not there. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), () -> "skipped: " + p + " not found (../shared is present in CI "
                + "and in the developers' checkouts, not in users' clones)");
        return p;
    }
}
