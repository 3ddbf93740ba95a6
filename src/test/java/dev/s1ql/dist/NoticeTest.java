// NOTICE names the third-party material that ships: every library shaded into s1ql.jar (the pom's compile-scope
// dependencies) and every JavaScript package of the serve page's bundle (web/package.json, less the build tool).
package dev.s1ql.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeTest {

    @Test
    void everyShadedLibraryIsNamed() throws Exception {
        String notice = Files.readString(Path.of("NOTICE"));
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher dep = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(pom);
        List<String> missing = new ArrayList<>();
        int shaded = 0;
        while (dep.find()) {
            String body = dep.group(1);
            if (body.contains("<scope>")) continue;   // test and runtime (the optional DuckDB driver) are not shaded
            Matcher id = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(body);
            assertTrue(id.find());
            shaded++;
            if (!notice.contains(id.group(1))) missing.add(id.group(1));
        }
        assertTrue(shaded >= 4, "the pom's compile dependencies were found: " + shaded);
        assertEquals(List.of(), missing, "name these in NOTICE (with their licence in licenses/ when it is not Apache-2.0)");
    }

    @Test
    void everyPackageOfThePlaygroundBundleIsNamedWithItsLicence() throws Exception {
        Path pkg = Path.of("web/package.json");
        assertTrue(Files.exists(pkg), "web/package.json");
        String notice = Files.readString(Path.of("NOTICE"));
        String licences = Files.readString(Path.of("licenses/playground-page-MIT.txt"));
        JsonNode deps = new ObjectMapper().readTree(pkg.toFile()).path("devDependencies");
        List<String> missing = new ArrayList<>();
        deps.fieldNames().forEachRemaining(name -> {
            if (name.equals("esbuild")) return;   // the build tool, not in the bundle
            if (!notice.contains(name) || !licences.contains(name + "@")) missing.add(name);
        });
        assertEquals(List.of(), missing, "name these in NOTICE and licenses/playground-page-MIT.txt");
    }
}
