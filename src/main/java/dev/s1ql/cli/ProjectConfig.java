// A team's defaults for the command line, from `.s1ql.properties` found upward from the working directory (or the
// file S1QL_CONFIG names; S1QL_CONFIG=none reads none). Keys are long option names without dashes, for every
// command (`fail-on=warning`) or one (`translate.profile=sentinel-asim`); options named on the command line win.
// It is picocli's default-value provider, so it reaches every option by name, including ones added later.
package dev.s1ql.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

public final class ProjectConfig implements CommandLine.IDefaultValueProvider {

    public static final String FILE_NAME = ".s1ql.properties";

    /** No file: every option keeps its built-in default. */
    public static final ProjectConfig NONE = new ProjectConfig(null, new Properties());

    private final Path file;
    private final Properties properties;

    private ProjectConfig(Path file, Properties properties) {
        this.file = file;
        this.properties = properties;
    }

    /** The file S1QL_CONFIG names, else the nearest .s1ql.properties in {@code start} or a folder above it. */
    public static ProjectConfig find(Path start) throws IOException {
        String env = System.getenv("S1QL_CONFIG");
        if (env != null && !env.isBlank()) return env.equals("none") ? NONE : load(Path.of(env));
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) return load(candidate);
        }
        return NONE;
    }

    public static ProjectConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new ProjectConfig(file.toAbsolutePath().normalize(), p);
    }

    /** The file the defaults come from, or null. */
    public Path file() {
        return file;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || properties.isEmpty()) return null;
        String name = key(option);
        String value = properties.getProperty(option.command().name() + "." + name);
        if (value == null) value = properties.getProperty(name);
        if (value == null) return null;
        value = value.strip();
        Class<?> type = option.type();
        if ((type == Path.class || type == java.io.File.class) && !value.isEmpty() && !Path.of(value).isAbsolute()) {
            value = file.getParent().resolve(value).normalize().toString();   // relative to the config file
        }
        return value;
    }

    /** Keys that name no option of any command (a typo would otherwise be ignored without a word). */
    public List<String> unknownKeys(CommandLine root) {
        Set<String> known = new HashSet<>();
        collect(root, known);
        List<String> unknown = new ArrayList<>();
        for (String k : properties.stringPropertyNames()) if (!known.contains(k)) unknown.add(k);
        unknown.sort(null);
        return unknown;
    }

    private static void collect(CommandLine cl, Set<String> known) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            known.add(key(o));
            known.add(cl.getCommandName() + "." + key(o));
        }
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, known);
    }

    private static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "");
    }
}
