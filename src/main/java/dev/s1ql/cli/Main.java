// Entry point of the `s1ql` command line: wires the subcommands and maps results to exit codes.
package dev.s1ql.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

@Command(name = "s1ql", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Parse, validate, format, evaluate and translate SentinelOne queries: S1QL 1.0 (Deep Visibility), "
                + "S1QL 2.0 and PowerQuery.",
        subcommands = {ValidateCommand.class, FmtCommand.class, ParseCommand.class, TranslateCommand.class,
                EvalCommand.class, ServeCommand.class, CompletionCommand.class},
        footer = {"", "Exit codes: 0 success, 1 a query has errors (or fails --fail-on), 2 usage or I/O error (or no query "
                + "found), 3 (eval) malformed events skipped.",
                "Defaults for any option can be set in .s1ql.properties (searched from the working directory upward).",
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

    /**
     * The configured command line (tests set their own out/err writers on it), with the defaults of the project
     * config file found from the working directory (ProjectConfig). A config file that cannot be read is reported
     * and ignored.
     */
    public static CommandLine commandLine() {
        ProjectConfig config;
        try {
            config = ProjectConfig.find(Path.of(""));
        } catch (IOException | RuntimeException e) {
            System.err.println("s1ql: cannot read the project config file: " + e.getMessage() + " (ignored)");
            config = ProjectConfig.NONE;
        }
        return commandLine(config);
    }

    /** The command line with the defaults of {@code config}. */
    public static CommandLine commandLine(ProjectConfig config) {
        CommandLine cl = new CommandLine(new Main());
        TranslateCommand.addTargetSettings(cl.getSubcommands().get("translate").getCommandSpec());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("s1ql: internal error: " + ex);
            cmd.getErr().println("please report this with the input that caused it");
            return 70;
        });
        if (config.file() != null) {
            cl.setDefaultValueProvider(config);
            for (String key : config.unknownKeys(cl)) {
                System.err.println("s1ql: " + config.file() + ": '" + key + "' names no option (ignored)");
            }
        }
        return cl;
    }

    /** The version of this build, e.g. 0.1.0 (version.properties is filtered by Maven). */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/dev/s1ql/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        return p.getProperty("version", "unknown");
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
            return new String[]{"s1ql " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
