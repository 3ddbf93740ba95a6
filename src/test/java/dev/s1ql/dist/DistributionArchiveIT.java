// The release archive as a user gets it: unpacked into a temp dir, bin/ reached through a symlink on PATH, run
// from another directory with only a Java runtime (no Maven on PATH). Runs after `package` (maven-failsafe-plugin).
package dev.s1ql.dist;

import dev.s1ql.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionArchiveIT {

    static final String SEED = "examples/dns_query_win_susp_external_ip_lookup.md";
    static final String EVENTS = "examples/dns_events.ndjson";

    /** The few programs bin/s1ql calls besides java; nothing else (in particular no mvn) is on the test's PATH. */
    static final List<String> TOOLS = List.of("sh", "readlink", "dirname", "sed");

    @TempDir
    static Path tmp;

    static String version;
    static Path buildDir;
    static Path home;      // the unpacked s1ql-<version>/
    static Path links;     // a PATH entry holding only a symlink to bin/s1ql (through a second, relative link)
    static Path tools;     // a PATH entry with the tools above
    static Path work;      // another directory, with a copy of examples/, where the commands run

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        version = System.getProperty("s1ql.version");
        assertTrue(version != null && !version.isBlank(), "s1ql.version is not set: run this test through `mvn verify`");
        buildDir = Path.of(System.getProperty("s1ql.buildDir", "target"));
        Path tarball = buildDir.resolve("s1ql-" + version + ".tar.gz");
        assertTrue(Files.isRegularFile(tarball), "no archive at " + tarball + " (mvn package makes it)");

        Path opt = Files.createDirectories(tmp.resolve("opt"));
        Run untar = exec(List.of("tar", "xzf", tarball.toAbsolutePath().toString()), opt, System.getenv());
        assertEquals(0, untar.exit(), untar.err());
        home = opt.resolve("s1ql-" + version);

        // ~/bin/s1ql -> ../chain/s1ql (relative) -> <home>/bin/s1ql (absolute): both kinds of link are followed
        links = Files.createDirectories(tmp.resolve("links"));
        Path chain = Files.createDirectories(tmp.resolve("chain"));
        Files.createSymbolicLink(chain.resolve("s1ql"), home.resolve("bin/s1ql").toAbsolutePath());
        Files.createSymbolicLink(links.resolve("s1ql"), Path.of("../chain/s1ql"));

        tools = Files.createDirectories(tmp.resolve("tools"));
        for (String t : TOOLS) Files.createSymbolicLink(tools.resolve(t), which(t));

        work = Files.createDirectories(tmp.resolve("work"));
        copyTree(home.resolve("examples"), work.resolve("examples"));
    }

    @Test
    void archiveHoldsLaunchersJarLicenceAndDocs() throws IOException {
        for (String f : List.of("bin/s1ql", "bin/s1ql.bat", "lib/s1ql.jar", "lib/DUCKDB.txt", "LICENSE", "NOTICE",
                "README.md", "licenses/antlr4-runtime-BSD-3-Clause.txt", "licenses/duckdb-MIT.txt",
                "licenses/playground-page-MIT.txt", "docs/language.md", SEED, EVENTS)) {
            assertTrue(Files.isRegularFile(home.resolve(f)), "missing in the archive: " + f);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/s1ql")));
        assertFalse(Files.exists(home.resolve("lib/duckdb_jdbc.jar")), "the DuckDB driver is the optional part");
        assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License\n                           Version 2.0"));
        String duckdb = Files.readString(home.resolve("lib/DUCKDB.txt"));
        assertFalse(duckdb.contains("${"), "DUCKDB.txt is filtered: " + duckdb);
        assertTrue(duckdb.contains("org.duckdb:duckdb_jdbc:1."), duckdb);
        assertTrue(Files.readString(home.resolve("bin/s1ql.bat")).contains("\r\n"), "s1ql.bat has DOS line ends");
        assertFalse(Files.readString(home.resolve("bin/s1ql")).contains("\r"), "bin/s1ql has Unix line ends");
    }

    @Test
    void zipHoldsTheSameFilesAsTheTarball() throws IOException {
        Set<String> inTar = new TreeSet<>();
        try (Stream<Path> s = Files.walk(home)) {
            s.filter(Files::isRegularFile).forEach(p -> inTar.add("s1ql-" + version + "/" + home.relativize(p)));
        }
        Set<String> inZip = new TreeSet<>();
        try (ZipFile z = new ZipFile(buildDir.resolve("s1ql-" + version + ".zip").toFile())) {
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> inZip.add(e.getName()));
        }
        assertEquals(inTar, inZip);
    }

    @Test
    void runsThroughASymlinkFromAnotherDirectoryWithoutMaven() throws Exception {
        Map<String, String> env = env(true, false);
        Run mvn = exec(List.of("sh", "-c", "command -v mvn"), work, env);
        assertNotEquals(0, mvn.exit(), "mvn must not be reachable on the test's PATH: " + mvn.out());

        Run v = s1ql(env, "--version");
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.out().startsWith("s1ql " + version + "\n"), v.out());

        Run validate = s1ql(env, "validate", "examples/");
        assertEquals(0, validate.exit(), validate.err());
        assertSame(inProcess("validate", "examples/"), validate);

        Run kql = s1ql(env, "translate", "--to", "kql", SEED);
        assertEquals(0, kql.exit(), kql.err());
        assertTrue(kql.out().startsWith("// Suspicious DNS Query for IP Lookup Service APIs\n"), kql.out());
        assertSame(inProcess("translate", "--to", "kql", SEED), kql);

        Run eval = s1ql(env, "eval", "--events", EVENTS, SEED);
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().lines().count() > 0, "the seed matches some of its example events");
        assertEquals(inProcess("eval", "--events", EVENTS, SEED).out(), eval.out());
    }

    @Test
    void usesJavaOnPathWhenJavaHomeIsUnset() throws Exception {
        Run v = s1ql(env(false, true), "--version");
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.out().startsWith("s1ql " + version), v.out());
    }

    @Test
    void honoursJavaHome() throws Exception {
        Path fake = Files.createDirectories(tmp.resolve("fake-jdk/bin"));
        Path marker = tmp.resolve("fake-jdk-was-used");
        Path java = fake.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho used > '" + marker + "'\nexec '" + realJava() + "' \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));
        Map<String, String> env = env(false, true);   // a java on PATH too: JAVA_HOME must win over it
        env.put("JAVA_HOME", fake.getParent().toString());
        Run v = s1ql(env, "--version");
        assertEquals(0, v.exit(), v.err());
        assertTrue(Files.exists(marker), "bin/s1ql did not run $JAVA_HOME/bin/java");

        env.put("JAVA_HOME", tmp.resolve("no-such-jdk").toString());
        Run bad = s1ql(env, "--version");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("JAVA_HOME"), bad.err());
    }

    @Test
    void saysWhatIsMissingWithoutAnyJava() throws Exception {
        Run r = s1ql(env(false, false), "--version");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Java 17+"), r.err());
    }

    @Test
    void passesS1qlJavaOptsToTheJvm() throws Exception {
        Map<String, String> env = env(true, false);
        env.put("S1QL_JAVA_OPTS", "-Ds1ql.probe=passed -XshowSettings:properties");
        Run r = s1ql(env, "--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("s1ql.probe = passed"), r.err());
        // a collector of the user's replaces the launcher's (two collectors would stop the JVM)
        env.put("S1QL_JAVA_OPTS", "-XX:+UseParallelGC");
        Run gc = s1ql(env, "validate", SEED);
        assertEquals(0, gc.exit(), gc.err());
    }

    @Test
    void duckDbDriverIsAnOptionalPartDroppedIntoLib() throws Exception {
        Map<String, String> env = env(true, false);
        Run without = s1ql(env, "eval", "--engine", "duckdb", "--count", "--events", EVENTS, SEED);
        assertEquals(2, without.exit(), without.err());
        assertTrue(without.err().contains("lib/duckdb_jdbc.jar"), without.err());

        Path driver = buildDir.resolve("lib/duckdb_jdbc.jar");
        assertTrue(Files.isRegularFile(driver), "mvn package copies the driver to " + driver);
        Path optional = home.resolve("lib/duckdb_jdbc.jar");
        Files.copy(driver, optional);
        try {
            Run with = s1ql(env, "eval", "--engine", "duckdb", "--count", "--events", EVENTS, SEED);
            assertEquals(0, with.exit(), with.err());
            Run builtin = s1ql(env, "eval", "--count", "--events", EVENTS, SEED);
            assertEquals(builtin.out(), with.out(), "duckdb and the built-in engine count the same matches");
        } finally {
            Files.delete(optional);
        }
    }

    @Test
    void devLauncherInTheCheckoutFollowsSymlinks() throws Exception {
        Path launcher = buildDir.toAbsolutePath().getParent().resolve("s1ql");
        assertTrue(Files.isExecutable(launcher), "no ./s1ql in the checkout at " + launcher);
        Path devLinks = Files.createDirectories(tmp.resolve("dev-links"));
        Files.createSymbolicLink(devLinks.resolve("s1ql"), launcher);
        Run v = exec(List.of(devLinks.resolve("s1ql").toString(), "--version"), work, System.getenv());
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.out().startsWith("s1ql " + version), v.out());
        assertFalse(v.err().contains("building"), "the jar was fresh; the launcher must not rebuild: " + v.err());
    }

    // --- helpers ---

    /** The same exit code, stdout and stderr, but for the time in the summary line. */
    static void assertSame(Run expected, Run actual) {
        assertEquals(expected.exit(), actual.exit());
        assertEquals(expected.out(), actual.out());
        assertEquals(withoutTime(expected.err()), withoutTime(actual.err()));
    }

    static String withoutTime(String err) {
        return err.replaceAll("\\(\\d+\\.\\d s\\)", "(time)");
    }

    /** A clean environment: PATH = the symlink dir + the tools (+ a java link); JAVA_HOME when asked for. */
    static Map<String, String> env(boolean javaHome, boolean javaOnPath) throws IOException {
        Map<String, String> env = new HashMap<>();
        String path = links + ":" + tools;
        if (javaOnPath) {
            Path javaDir = Files.createDirectories(tmp.resolve("java-on-path"));
            if (!Files.exists(javaDir.resolve("java"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(javaDir.resolve("java"), realJava());
            }
            path += ":" + javaDir;
        }
        env.put("PATH", path);
        env.put("HOME", tmp.toString());
        env.put("LANG", "C.UTF-8");
        if (javaHome) env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    static Path realJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** `s1ql ARGS` found through PATH, as a shell would run it. */
    static Run s1ql(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tools.resolve("sh").toString(), "-c", "exec s1ql \"$@\"", "s1ql"));
        cmd.addAll(List.of(args));
        return exec(cmd, work, env);
    }

    /** The same command in this JVM (cwd: the project root, which has the same examples/ as the work dir). */
    static Run inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run exec(List<String> cmd, Path dir, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static Path which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) return p;
        }
        throw new AssertionError(tool + " is not on PATH");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
