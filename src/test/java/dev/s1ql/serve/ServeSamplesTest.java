// The jar's samples are examples/: the index the server reads lists every event file, rule document and query
// there, and each bundled copy equals its file.
package dev.s1ql.serve;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ServeSamplesTest {

    @Test
    void theIndexListsExamplesAndTheCopiesEqualThem() throws IOException {
        Path root = Path.of("examples");
        List<String> expected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.matches("[^/]+\\.(ndjson|md)|queries/[^/]+\\.s1ql")) expected.add(rel);
            }
        }
        Samples samples = Samples.bundled();
        List<String> bundled = new ArrayList<>(samples.eventFiles());
        bundled.addAll(samples.queryFiles());
        bundled.sort(null);
        assertEquals(expected, bundled, "list the files of examples/ in src/main/resources/dev/s1ql/serve/examples.txt "
                + "(the pom copies *.ndjson, *.md and queries/*.s1ql into the jar)");
        for (String name : expected) assertArrayEquals(Files.readAllBytes(root.resolve(name)), samples.bytes(name), name);
    }
}
