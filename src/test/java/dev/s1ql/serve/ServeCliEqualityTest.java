// For every spec file's query (src/test/resources/spec/eval), the API answers exactly what the command line
// prints with --format json: validate, translate to every target and profile, and eval over the spec's events.
package dev.s1ql.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.cli.Main;
import dev.s1ql.eval.EvalSpecFile;
import dev.s1ql.translate.Translator;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeCliEqualityTest {

    static final Path SPECS = Path.of("src/test/resources/spec/eval");

    static ServeClient client;

    @BeforeAll
    static void start() throws IOException {
        client = new ServeClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static List<EvalSpecFile> specs() throws IOException {
        List<EvalSpecFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SPECS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".spec")).sorted().toList()) out.add(EvalSpecFile.read(p));
        }
        assertTrue(out.size() >= 50, "spec files: " + out.size());
        return out;
    }

    /** The CLI's JSON lines for these arguments. */
    static List<JsonNode> cli(String... args) throws IOException {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.execute(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) if (!line.isBlank()) lines.add(ServeClient.JSON.readTree(line));
        return lines;
    }

    @TestFactory
    Stream<DynamicTest> validateEqualsTheCli() throws IOException {
        return specs().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            JsonNode api = client.call("/api/validate", Map.of("query", s.query(), "source", "-q"));
            assertEquals(cli("validate", "--format", "json", "-q", s.query()), List.of(api));
        }));
    }

    @TestFactory
    Stream<DynamicTest> translateEqualsTheCliForEveryTargetAndProfile() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (EvalSpecFile s : specs()) {
            for (String target : Translators.targets()) {
                Translator t = Translators.forTarget(target);
                for (String profile : t.profiles()) {
                    tests.add(DynamicTest.dynamicTest(s.name() + " " + target + "/" + profile, () -> {
                        Map<String, Object> req = new LinkedHashMap<>();
                        req.put("query", s.query());
                        req.put("to", target);
                        req.put("profile", profile);
                        req.put("source", "-q");
                        JsonNode api = client.call("/api/translate", req);
                        assertEquals(cli("translate", "--format", "json", "--to", target, "--profile", profile,
                                "-q", s.query()), List.of(api));
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> evalMatchesAndRowsEqualTheCli() throws IOException {
        Path dir = Files.createTempDirectory("s1ql-serve-eq");
        return specs().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            String events = String.join("\n", s.events()) + "\n";
            Path file = dir.resolve(s.name() + ".ndjson");
            Files.writeString(file, events, StandardCharsets.UTF_8);
            JsonNode api = client.call("/api/eval", Map.of("query", s.query(), "events", events, "explain", true,
                    "source", "-q"));
            List<JsonNode> printed = cli("eval", "--format", "json", "--explain", "--threads", "1", "--events",
                    file.toString(), "-q", s.query());
            List<JsonNode> matches = new ArrayList<>();
            List<JsonNode> rows = new ArrayList<>();
            for (JsonNode line : printed) {
                ObjectNode o = (ObjectNode) line;
                if (o.has("row")) {
                    rows.add(o);
                } else {
                    assertEquals(file.toString(), o.get("eventsFile").asText());
                    o.put("eventsFile", "<events>"); // the API's name for events sent in the request
                    matches.add(o);
                }
            }
            assertEquals(matches, list(api.get("matches")));
            assertEquals(rows, api.has("rows") ? list(api.get("rows")) : List.of());
            assertEquals(s.events().size(), api.get("events").asInt());
            assertEquals(0, api.get("malformed").asInt());
        }));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
