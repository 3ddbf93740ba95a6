// `s1ql validate`: syntax errors and semantic warnings for queries, rule documents and rule directories; the CI gate
// (--fail-on, --format sarif|github).
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.check.CheckOptions;
import dev.s1ql.check.Validator;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.cli.report.GithubAnnotations;
import dev.s1ql.cli.report.SarifLog;
import dev.s1ql.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check queries in S1QL 1.0, S1QL 2.0 and PowerQuery (dialect detected per query): syntax errors "
                + "with line, column and what was expected, and semantic warnings (unknown fields with did-you-mean, "
                + "enum values, regexes, list and length limits). Reads query files (.s1ql, .s1ql2, .pq, .txt), "
                + "rule documents (.md) and folders of them; in CI, --fail-on and --format sarif|github make it a gate.",
        footer = {"", "Examples:",
                "  s1ql validate -q 'EventType = \"Process Creation\" AND TgtProcCmdLine ContainsCIS \"-enc\"'",
                "  s1ql validate examples/                 # every rule document and query file below",
                "  s1ql validate --fail-on warning --format sarif rules/ > s1ql.sarif   # CI gate with code scanning",
                "  s1ql validate --format github rules/    # annotations in a GitHub Actions log",
                "", "Prints one summary line on stderr: s1ql validate: N queries checked: ...",
                "Exit codes: 0 no input fails (--fail-on error, the default: warnings allowed), 1 some input has an "
                + "error (or, with --fail-on warning, a warning), 2 usage or I/O error, or no query found."})
public final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json, sarif, github }

    @Mixin
    InputOptions inputs;

    @Option(names = "--strict", description = "STAR/custom-rule mode: also report newlines, comments and legacy "
            + "field names.")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "Output: "
            + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json: one object per input and line; sarif: one "
            + "SARIF 2.1.0 log (paths relative to the working directory); github: GitHub Actions annotations.")
    Format format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
            description = "Exit 1 when an input has a diagnostic of this level or worse: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--max-length", defaultValue = "10000", paramLabel = "N",
            description = "Warn when a query is longer than N characters (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = {"-W", "--no-warnings"}, description = "Report errors only (hidden warnings cannot fail the run).")
    boolean noWarnings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<QueryInput> all = inputs.collectOrReport(err, "validate");
        if (all == null) return Main.EXIT_USAGE;
        Validator validator = new Validator(CheckOptions.DEFAULTS.withStrict(strict).withMaxLength(maxLength),
                inputs.dialect());
        ObjectMapper mapper = new ObjectMapper();
        SarifLog sarif = format == Format.sarif ? new SarifLog(mapper, Path.of(""), Main.version()) : null;
        int failed = 0;
        int withErrors = 0;
        int withWarnings = 0;
        for (QueryInput in : all) {
            Validator.Result r = in.problem() != null ? new Validator.Result(null, List.of(in.problem()))
                    : validator.validate(in.text());
            List<Diagnostic> shown = noWarnings ? r.diagnostics().stream().filter(Diagnostic::isError).toList()
                    : r.diagnostics();
            if (!r.valid()) withErrors++;
            else if (shown.stream().anyMatch(d -> d.severity() == dev.s1ql.diag.Severity.WARNING)) withWarnings++;
            if (failOn.fails(shown)) failed++;
            switch (format) {
                case json -> out.println(CommandResults.validation(mapper, in, r, shown));
                case sarif -> sarif.add(in, shown);
                case github -> shown.forEach(d -> out.println(GithubAnnotations.line(in, d)));
                case text -> shown.forEach(d -> DiagnosticPrinter.print(out, in, d));
            }
        }
        int exit = failed > 0 ? 1 : 0;
        if (sarif != null) out.println(sarif.build(exit).toPrettyString());
        out.flush();
        err.printf("s1ql validate: %d %s checked: %d with errors, %d with warnings%s (%.1f s)%n", all.size(),
                all.size() == 1 ? "query" : "queries", withErrors, withWarnings,
                failOn == FailOn.warning ? ", " + failed + " failed (--fail-on warning)" : "",
                (System.nanoTime() - started) / 1e9);
        err.flush();
        return exit;
    }
}
