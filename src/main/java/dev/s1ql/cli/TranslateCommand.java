// `s1ql translate`: S1QL 1.0, 2.0 or PowerQuery to another query language. The target is chosen with --to from the
// Translators registry, so a new target needs no change here. Results go to stdout, or with -o DIR to one file per
// input mirroring the input folders (OutputFiles, each with a TranslationHeader); diagnostics go to stderr, a
// per-input report to --report FILE, and one summary line ends the run.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.cli.input.InputException;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.cli.report.TranslationReport;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Translate queries (S1QL 1.0, S1QL 2.0 filters and PowerQuery filters) to another query "
                + "language: kql (Microsoft Defender XDR or Microsoft Sentinel ASIM), spl (Splunk: Sysmon, CIM or "
                + "SentinelOne field names), s1ql2 / pq (migration of S1QL 1.0 to S1QL 2.0 / PowerQuery), sql (DuckDB, "
                + "Spark SQL, Trino). With -o DIR the input folders are mirrored and each file starts with a comment "
                + "header (source, rule title and ID, s1ql version, target and profile, every diagnostic) and keeps "
                + "the source's comments.",
        footer = {"", "Examples:",
                "  s1ql translate --to kql -q 'EventType = \"Process Creation\" AND TgtProcCmdLine ContainsCIS \"-enc\"'",
                "  s1ql translate --to kql --profile sentinel-asim rules/ -o out/ --report out/report.csv",
                "  s1ql translate --to kql --strict --format json rule.md",
                "  s1ql translate --to sql --profile spark --table lake.dv.events rules/",
                "  s1ql translate --to spl --profile s1 --index sentinelone --sourcetype sentinelone:dv rules/",
                "  s1ql translate --to s1ql2 -q 'TgtProcName In AnyCase (\"cmd.exe\") AND TgtProcCmdLine Contains \"/c\"'",
                "", "Prints one summary line on stderr: s1ql translate: N queries to TARGET (PROFILE): ...",
                "Exit codes: 0 every input translated, 1 some input could not be translated (error diagnostics; with "
                + "--fail-on warning also warnings), 2 usage or I/O error, or no query found."})
public final class TranslateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    InputOptions inputs;

    @Option(names = "--to", required = true, paramLabel = "TARGET", completionCandidates = Completion.Targets.class,
            description = "Target language: ${COMPLETION-CANDIDATES}.")
    String to;

    @Option(names = "--profile", paramLabel = "NAME", completionCandidates = Completion.Profiles.class,
            description = "Target profile, the first of each target's list by default: ${COMPLETION-CANDIDATES} "
                    + "(kql: mde, sentinel-asim; spl: sysmon, cim, s1; sql: the SQL product duckdb, spark, trino).")
    String profile;

    @Option(names = "--regex-case", defaultValue = "insensitive", paramLabel = "REGEX_CASE",
            description = "How a 1.0 RegExp treats case: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, as "
                    + "SentinelOne's own 1.0 to 2.0 converter reads it; every translated RegExp carries a note, S3015).")
    RegexCase regexCase;

    enum RegexCase { insensitive, sensitive }

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

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", description = "Write one file per input into DIR, "
            + "mirroring the folders given as input (rules/a/x.md -> DIR/a/x.kql), each with a comment header.")
    Path outputDir;

    @Option(names = "--report", paramLabel = "FILE", description = "Write one row per input (source, title, id, "
            + "output, status, codes) to FILE: CSV when it ends in .csv, else JSON.")
    Path report;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
            description = "Exit 1 when an input has a diagnostic of this level or worse: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn;

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
        long started = System.nanoTime();
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
        OutputFiles files = outputDir == null ? null : new OutputFiles(outputDir, inputs.paths,
                format == Format.json ? ".json" : "." + translator.target());
        TranslationReport rows = report == null ? null : new TranslationReport();
        TranslationHeader header = new TranslationHeader(translator, profileName, Main.version());
        int failed = 0;
        int withWarnings = 0;
        int translated = 0;
        ThreadLocal<QueryReader> readers = ThreadLocal.withInitial(QueryReader::new);
        ParallelTranslations ahead = new ParallelTranslations(all, in ->
                CommandResults.translateKeepingComments(readers.get(), translator, in, inputs.dialect(), options));
        try {
            for (int i = 0; i < all.size(); i++) {
                QueryInput in = all.get(i);
                CommandResults.Translated o;
                try {
                    o = ahead.get(i);
                } catch (TranslationSetupException e) {
                    err.println("s1ql translate: " + e.getMessage());
                    return Main.EXIT_USAGE;
                }
                Translation t = o.translation();
                boolean fails = !t.ok() || failOn.fails(t.diagnostics());
                if (fails) failed++;
                if (t.ok()) translated++;
                boolean warned = t.diagnostics().stream().anyMatch(d -> d.severity() == dev.s1ql.diag.Severity.WARNING);
                if (t.ok() && warned) withWarnings++;
                Path written = null;
                if (format == Format.json) {
                    ObjectNode n = CommandResults.translation(json, in, translator, profileName, t);
                    if (files == null) out.println(n);
                    else if ((written = write(files, in, n + "\n", err)) == null) return Main.EXIT_USAGE;
                } else {
                    for (Diagnostic d : t.diagnostics()) DiagnosticPrinter.print(err, in, d);
                    if (t.ok()) {
                        if (files == null) {
                            out.println(header.brief(in, o.comments()) + t.output() + (all.size() > 1 ? "\n" : ""));
                        } else if ((written = write(files, in, header.full(in, o.comments(), t.diagnostics()) + t.output()
                                + "\n", err)) == null) {
                            return Main.EXIT_USAGE;
                        }
                    }
                }
                if (rows != null) {
                    rows.add(in, written, !t.ok() ? "failed" : fails ? "failed (--fail-on warning)"
                            : warned ? "warnings" : "ok", t.diagnostics());
                }
            }
        } finally {
            ahead.close();
        }
        out.flush();
        if (files != null) for (String w : files.renamed()) err.println("s1ql translate: " + w);
        if (rows != null) {
            try {
                rows.write(report);
            } catch (IOException e) {
                err.println("s1ql translate: cannot write the report " + report + ": " + e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
        err.printf("s1ql translate: %d %s to %s (%s): %d translated (%d with warnings), %d failed%s%s (%.1f s)%n",
                all.size(), all.size() == 1 ? "query" : "queries", translator.target(), profileName, translated,
                withWarnings, failed, files == null ? "" : "; written to " + outputDir,
                rows == null ? "" : "; report " + report, (System.nanoTime() - started) / 1e9);
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

    /** Writes one output file; null (after saying why) when it cannot be written. */
    private static Path write(OutputFiles files, QueryInput in, String content, PrintWriter err) {
        Path target = files.pathFor(in);
        try {
            if (target.getParent() != null) Files.createDirectories(target.getParent());
            Files.writeString(target, content);
            return target;
        } catch (IOException e) {
            err.println("s1ql translate: cannot write " + target + ": " + e.getMessage());
            return null;
        }
    }
}
