// The completion script, run in bash: option values (--to and --profile from the target registry, --format,
// --on-error, --fail-on from the commands) and file names for PATH arguments and --events.
package dev.s1ql.cli;

import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionTest {

    @TempDir
    static Path dir;
    static Path script;

    @BeforeAll
    static void generate() throws Exception {
        CliTest.Run r = CliTest.run("generate-completion");
        assertEquals(0, r.exit(), r.err());
        script = dir.resolve("s1ql-completion.bash");
        Files.writeString(script, r.out());
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/one.s1ql"), "TgtProcName = \"a\"");
        Files.writeString(dir.resolve("events.ndjson"), "{}");
    }

    /** What bash completes for the words typed so far (the last one being completed). */
    static List<String> complete(String... words) throws Exception {
        String line = String.join(" ", words);
        String cmd = "source " + script + "\n"
                + "COMP_WORDS=(" + Arrays.stream(words).map(w -> "'" + w + "'").reduce((a, b) -> a + " " + b).orElse("")
                + ")\nCOMP_CWORD=" + (words.length - 1) + "\nCOMP_LINE='" + line + "'\nCOMP_POINT=" + line.length()
                + "\n_complete_s1ql s1ql\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        // stderr is dropped: compopt complains when called outside a real completion, which changes nothing here
        Process p = new ProcessBuilder("bash", "-c", cmd).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out.lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    @Test
    void theScriptIsValidBash() throws Exception {
        Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void targetsAndProfilesComeFromTheRegistry() throws Exception {
        assertEquals(Translators.targets().stream().sorted().toList(), complete("s1ql", "translate", "--to", ""));
        List<String> profiles = complete("s1ql", "translate", "--profile", "");
        for (String t : Translators.targets()) {
            assertTrue(profiles.containsAll(Translators.forTarget(t).profiles()), t + ": " + profiles);
        }
        assertEquals(List.of("s1", "sentinel-asim", "spark", "sysmon"), complete("s1ql", "translate", "--profile", "s"));
    }

    @Test
    void enumValuesOfFormatOnErrorAndFailOn() throws Exception {
        assertEquals(List.of("github", "json", "sarif", "text"), complete("s1ql", "validate", "--format", ""));
        assertEquals(List.of("error", "warning"), complete("s1ql", "validate", "--fail-on", ""));
        assertEquals(List.of("fail", "skip"), complete("s1ql", "eval", "--on-error", ""));
        assertEquals(List.of("json", "text"), complete("s1ql", "eval", "--format", ""));
    }

    @Test
    void fileNamesForPathsAndEvents() throws Exception {
        assertEquals(List.of("rules"), complete("s1ql", "validate", "ru"));
        assertEquals(List.of("rules"), complete("s1ql", "translate", "--to", "kql", "ru"));
        assertEquals(List.of("events.ndjson"), complete("s1ql", "eval", "--events", "ev"));
    }
}
