// Entry point of the `s1ql` command line: wires the subcommands and maps results to exit codes.
package dev.s1ql.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

@Command(name = "s1ql", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Parse, validate, format, evaluate and translate SentinelOne S1QL queries.",
        subcommands = {ValidateCommand.class, FmtCommand.class, ParseCommand.class, TranslateCommand.class,
                EvalCommand.class, ServeCommand.class,
                AutoComplete.GenerateCompletion.class},
        footer = {"", "Exit codes: 0 success, 1 a query has errors, 2 usage or I/O error, 3 (eval) malformed events skipped.",
                "Docs: README.md and docs/ in the s1ql repository."})
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** Exit code for usage and I/O errors, as for picocli's own parameter errors. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line (tests set their own out/err writers on it). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        TranslateCommand.addTargetSettings(cl.getSubcommands().get("translate").getCommandSpec());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("s1ql: internal error: " + ex);
            cmd.getErr().println("please report this with the input that caused it");
            return 70;
        });
        return cl;
    }

    /** Without a subcommand: usage on stderr, and a usage-error exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    /** --version from the build (version.properties is filtered by Maven). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/dev/s1ql/version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException ignored) {
                // fall through to "unknown"
            }
            return new String[]{"s1ql " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
