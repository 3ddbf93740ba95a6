// `s1ql translate`: S1QL 1.0 to another query language. The target is chosen with --to from the Translators
// registry, so a new target needs no change here. Results go to stdout (or -o DIR), diagnostics to stderr.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.cli.input.InputException;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.TranslationSetupException;
import dev.s1ql.translate.Translator;
import dev.s1ql.translate.Translators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Translate S1QL queries to another query language: kql (Microsoft Defender XDR or "
                + "Microsoft Sentinel ASIM), spl (Splunk: Sysmon, CIM or SentinelOne field names), s1ql2 / pq "
                + "(migration of S1QL 1.0 to S1QL 2.0 / PowerQuery), sql (DuckDB, Spark SQL, Trino).",
        footer = {"", "Examples:",
                "  s1ql translate --to kql -q 'EventType = \"Process Creation\" AND TgtProcCmdLine ContainsCIS \"-enc\"'",
                "  s1ql translate --to kql --profile sentinel-asim rules/ -o out/",
                "  s1ql translate --to kql --strict --format json rule.md",
                "  s1ql translate --to sql --profile spark --table lake.dv.events rules/",
                "  s1ql translate --to spl --profile s1 --index sentinelone --sourcetype sentinelone:dv rules/",
                "  s1ql translate --to s1ql2 -q 'TgtProcName In AnyCase (\"cmd.exe\") AND TgtProcCmdLine Contains \"/c\"'",
                "", "Exit codes: 0 every input translated, 1 some input could not be translated (error "
                + "diagnostics), 2 usage or I/O error."})
public final class TranslateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    InputOptions inputs;

    @Option(names = "--to", required = true, paramLabel = "TARGET", completionCandidates = TargetNames.class,
            description = "Target language: ${COMPLETION-CANDIDATES}.")
    String to;

    @Option(names = "--profile", paramLabel = "NAME", completionCandidates = ProfileNames.class,
            description = "Target profile, the first of each target's list by default: ${COMPLETION-CANDIDATES} "
                    + "(kql: mde, sentinel-asim; spl: sysmon, cim, s1; sql: the SQL product duckdb, spark, trino).")
    String profile;

    @Option(names = "--regex-case", defaultValue = "insensitive", paramLabel = "MODE",
            description = "How a 1.0 RegExp treats case: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, as "
                    + "SentinelOne's own 1.0 to 2.0 converter reads it; every translated RegExp carries a note, S3015).")
    RegexCase regexCase;

    enum RegexCase { insensitive, sensitive }

    /** Every profile of every registered target, for completion. */
    static final class ProfileNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            Set<String> all = new java.util.LinkedHashSet<>();
            for (Translator t : Translators.all()) all.addAll(t.profiles());
            return all.iterator();
        }
    }

    /** Every registered target, for completion. */
    static final class TargetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Translators.targets().iterator();
        }
    }

    /**
     * Adds each target's own settings (spl --index, sql --table, ...) as options, from the registry: the command
     * names no target. Called once when the command line is built.
     */
    static void addTargetSettings(CommandSpec spec) {
        Map<String, dev.s1ql.translate.TargetSetting> byName = new LinkedHashMap<>();
        for (Translator t : Translators.all()) {
            for (dev.s1ql.translate.TargetSetting s : t.targetSettings()) byName.putIfAbsent(s.name(), s);
        }
        for (dev.s1ql.translate.TargetSetting s : byName.values()) {
            picocli.CommandLine.Model.OptionSpec.Builder b = picocli.CommandLine.Model.OptionSpec.builder("--" + s.name())
                    .paramLabel(s.paramLabel()).type(String.class).description(s.description());
            if (!s.values().isEmpty()) b.completionCandidates(s.values());
            spec.addOption(b.build());
        }
    }

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "A field-mapping file laid over the profile's built-in mapping (see docs/kql.md, docs/spl.md; "
                    + "sql: a TSV field<TAB>column, docs/sql.md).")
    Path mapping;

    @Option(names = "--strict", description = "Refuse approximations: their warnings become errors.")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}). json prints one object per input and line.")
    Format format;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", description = "Write one file per input into DIR.")
    Path outputDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Translator translator = Translators.forTarget(to);
        if (translator == null) {
            err.println("s1ql translate: unknown target '" + to + "' (known: " + String.join(", ", Translators.targets()) + ")");
            return Main.EXIT_USAGE;
        }
        if (profile != null && !translator.profiles().contains(profile)) {
            err.println("s1ql translate: unknown " + translator.target() + " profile '" + profile + "' (known: "
                    + String.join(", ", translator.profiles()) + ")");
            return Main.EXIT_USAGE;
        }
        Map<String, String> settings = targetSettings();
        for (String name : settings.keySet()) {
            if (!translator.settings().contains(name)) {
                err.println("s1ql translate: --" + name + " does not apply to --to " + translator.target());
                return Main.EXIT_USAGE;
            }
        }
        if (mapping != null && !Files.isReadable(mapping)) {
            err.println("s1ql translate: cannot read mapping file " + mapping);
            return Main.EXIT_USAGE;
        }
        List<QueryInput> all;
        try {
            all = inputs.collect();
            if (outputDir != null) Files.createDirectories(outputDir);
        } catch (InputException | IOException e) {
            err.println("s1ql translate: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        TranslationOptions options = new TranslationOptions(profile, mapping, strict, settings,
                regexCase == RegexCase.insensitive);
        String profileName = profile != null ? profile : translator.profiles().get(0);
        ObjectMapper json = new ObjectMapper();
        QueryReader parser = new QueryReader();
        Set<String> fileNames = new HashSet<>();
        int failed = 0;
        for (QueryInput in : all) {
            Translation t;
            try {
                t = CommandResults.translate(parser, translator, in, inputs.dialect(), options);
            } catch (TranslationSetupException e) {
                err.println("s1ql translate: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
            if (!t.ok()) failed++;
            String text = t.ok() ? header(in, translator) + t.output() : null;
            if (format == Format.json) {
                ObjectNode n = CommandResults.translation(json, in, translator, profileName, t);
                if (outputDir == null) out.println(n);
                else if (!write(outputDir, fileName(in, fileNames, ".json"), n + "\n", err)) return Main.EXIT_USAGE;
            } else {
                for (Diagnostic d : t.diagnostics()) DiagnosticPrinter.print(err, in, d);
                if (text != null) {
                    if (outputDir == null) out.println(text + (all.size() > 1 ? "\n" : ""));
                    else if (!write(outputDir, fileName(in, fileNames, "." + translator.target()), text + "\n", err)) {
                        return Main.EXIT_USAGE;
                    }
                }
            }
        }
        out.flush();
        err.flush();
        return failed > 0 ? 1 : 0;
    }

    /** The target-specific options given, by setting name (each target says which it reads). */
    private Map<String, String> targetSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        for (Translator t : Translators.all()) {
            for (dev.s1ql.translate.TargetSetting setting : t.targetSettings()) {
                picocli.CommandLine.Model.OptionSpec o = spec.findOption("--" + setting.name());
                Object v = o == null ? null : o.getValue();
                if (v != null) s.put(setting.name(), v.toString());
            }
        }
        return s;
    }

    /** A rule document's title and ID as comments of the target language, so that the output still says what it is. */
    private static String header(QueryInput in, Translator translator) {
        if (!in.isRuleDocument()) return "";
        StringBuilder sb = new StringBuilder();
        if (in.title() != null) sb.append(translator.lineComment(in.title().replace('\n', ' '))).append('\n');
        if (in.id() != null) sb.append(translator.lineComment("id: " + in.id().replace('\n', ' '))).append('\n');
        return sb.toString();
    }

    /** The rule ID, else the input file's base name, else query-N; made unique within one run. */
    private static String fileName(QueryInput in, Set<String> used, String ext) {
        String base = in.id() != null ? in.id() : Path.of(in.source().replaceAll("[<>:#]", "_")).getFileName().toString();
        base = base.replaceAll("\\.(md|s1ql|txt)$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty()) base = "query";
        String name = base + ext;
        for (int i = 2; !used.add(name); i++) name = base + "-" + i + ext;
        return name;
    }

    private static boolean write(Path dir, String name, String content, PrintWriter err) {
        try {
            Files.writeString(dir.resolve(name), content);
            return true;
        } catch (IOException e) {
            err.println("s1ql translate: cannot write " + dir.resolve(name) + ": " + e.getMessage());
            return false;
        }
    }
}
