// The page script in the jar (src/main/resources/dev/s1ql/serve/web/app.js) is what web/ builds from its pinned
// lock file: rebuilt with esbuild from web/node_modules and compared byte for byte. `mvn verify` needs no Node;
// CI runs `npm ci --prefix web` first, so there the check must run, and a stale bundle fails it.
package dev.s1ql.serve;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WebBundleTest {

    static final Path COMMITTED = Path.of("src/main/resources/dev/s1ql/serve/web/app.js");

    @Test
    void theCommittedBundleIsTheBuildOfWebSources() throws Exception {
        boolean ready = Files.isDirectory(Path.of("web/node_modules/esbuild")) && onPath("node");
        if (!ready && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must check the page bundle: .ci/run runs npm ci --prefix web");
        }
        Assumptions.assumeTrue(ready, "skipped: Node.js and web/node_modules are needed (npm ci --prefix web)");
        Path out = Path.of("target", "web-check", "app.js").toAbsolutePath();
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder("node", "web/build.mjs", "--out", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), "build finished");
        assertEquals(0, p.exitValue(), log);
        assertArrayEquals(Files.readAllBytes(COMMITTED), Files.readAllBytes(out),
                "app.js differs from a fresh build of web/: run `npm ci --prefix web && node web/build.mjs` and commit it");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) if (Files.isExecutable(Path.of(dir, command))) return true;
        return false;
    }
}
