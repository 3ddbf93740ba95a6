// The project config file: found upward from the working directory, read by option name (for all commands or
// one), paths relative to the file, the command line winning, unknown keys reported.
package dev.s1ql.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectConfigTest {

    static final String PROC = "EventType = \"Process Creation\" AND TgtProcCmdLine ContainsCIS \"-enc\"";

    static CliTest.Run run(ProjectConfig config, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(config);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new CliTest.Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void foundInTheWorkingDirectoryOrAFolderAbove(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("repo");
        Path deep = Files.createDirectories(repo.resolve("rules/windows"));
        Files.writeString(repo.resolve(ProjectConfig.FILE_NAME), "fail-on=warning\n");
        ProjectConfig found = ProjectConfig.find(deep);
        assertEquals(repo.resolve(ProjectConfig.FILE_NAME).toAbsolutePath().normalize(), found.file());
        assertNull(ProjectConfig.find(Files.createDirectories(dir.resolve("elsewhere"))).file());
    }

    @Test
    void failOnAndProfileComeFromTheFileAndTheCommandLineWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ProjectConfig.FILE_NAME);
        Files.writeString(file, "# team defaults\nfail-on=warning\ntranslate.profile=sentinel-asim\n");
        ProjectConfig config = ProjectConfig.load(file);
        assertEquals(1, run(config, "validate", "-q", CiModeTest.TYPO).exit(), "fail-on=warning applies");
        assertEquals(0, run(config, "validate", "--fail-on", "error", "-q", CiModeTest.TYPO).exit(), "the option wins");
        CliTest.Run kql = run(config, "translate", "--to", "kql", "-q", PROC);
        assertTrue(kql.out().startsWith("_Im_ProcessCreate"), "translate.profile applies: " + kql.out());
        CliTest.Run mde = run(config, "translate", "--to", "kql", "--profile", "mde", "-q", PROC);
        assertTrue(mde.out().startsWith("DeviceProcessEvents"), mde.out());
    }

    @Test
    void splIndexAndSourcetypeAndMappingByOptionName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ProjectConfig.FILE_NAME);
        Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(dir.resolve("mappings/kql.tsv"),
                "field\tkinds\tcolumn\ttype\nTgtProcCmdLine\tprocess\tProcessCommandLineLower\tstring\n");
        Files.writeString(file, "translate.index=edr\ntranslate.sourcetype=s1:dv\n");
        CliTest.Run spl = run(ProjectConfig.load(file), "translate", "--to", "spl", "--profile", "s1", "-q", PROC);
        assertEquals(0, spl.exit(), spl.err());
        assertTrue(spl.out().contains("index=edr") && spl.out().contains("sourcetype=s1:dv"), spl.out());
        // a mapping overlay is per target (a team translating to KQL); its path is relative to the config file
        Files.writeString(file, "translate.mapping=mappings/kql.tsv\n");
        CliTest.Run kql = run(ProjectConfig.load(file), "translate", "--to", "kql", "-q", PROC);
        assertEquals(0, kql.exit(), kql.err());
        assertTrue(kql.out().contains("ProcessCommandLineLower"), kql.out());
    }

    @Test
    void keysThatNameNoOptionAreReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ProjectConfig.FILE_NAME);
        Files.writeString(file, "profil=cim\nfail-on=error\n");
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            run(ProjectConfig.load(file), "validate", "-q", PROC);
        } finally {
            System.setErr(saved);
        }
        String said = captured.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("'profil' names no option"), said);
        assertTrue(!said.contains("'fail-on'"), said);
    }
}
