// `s1ql validate`: syntax errors and semantic warnings for queries, rule documents and rule directories.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.check.CheckOptions;
import dev.s1ql.check.Validator;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check S1QL 1.0 queries: syntax errors (with line, column and what was expected) and "
                + "semantic warnings (unknown fields, enum values, regexes, limits).",
        footer = {"", "Examples:",
                "  s1ql validate -q 'EventType = \"Process Creation\" AND TgtProcCmdLine ContainsCIS \"-enc\"'",
                "  s1ql validate examples/                 # every rule document and query file below",
                "  s1ql validate --strict --format json rules/ > report.ndjson",
                "", "Exit codes: 0 no input has an error (warnings allowed), 1 some input has an error, "
                + "2 usage or I/O error."})
public final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    InputOptions inputs;

    @Option(names = "--strict", description = "STAR/custom-rule mode: also report newlines, comments and legacy "
            + "field names.")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}). json prints one object per input and line.")
    Format format;

    @Option(names = "--max-length", defaultValue = "10000", paramLabel = "N",
            description = "Warn when a query is longer than N characters (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = {"-W", "--no-warnings"}, description = "Report errors only.")
    boolean noWarnings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<QueryInput> all = inputs.collectOrReport(err, "validate");
        if (all == null) return Main.EXIT_USAGE;
        Validator validator = new Validator(CheckOptions.DEFAULTS.withStrict(strict).withMaxLength(maxLength),
                inputs.dialect());
        ObjectMapper mapper = new ObjectMapper();
        int invalid = 0;
        int warnings = 0;
        for (QueryInput in : all) {
            Validator.Result r = in.problem() != null ? new Validator.Result(null, List.of(in.problem()))
                    : validator.validate(in.text());
            List<Diagnostic> shown = noWarnings ? r.diagnostics().stream().filter(Diagnostic::isError).toList()
                    : r.diagnostics();
            if (!r.valid()) invalid++;
            warnings += (int) r.diagnostics().stream().filter(d -> !d.isError()).count();
            if (format == Format.json) {
                out.println(CommandResults.validation(mapper, in, r, shown));
            } else {
                for (Diagnostic d : shown) DiagnosticPrinter.print(out, in, d);
            }
        }
        out.flush();
        if (format == Format.text) {
            err.printf("%d %s checked: %d with errors, %d warnings%n", all.size(),
                    all.size() == 1 ? "query" : "queries", invalid, warnings);
            err.flush();
        }
        return invalid > 0 ? 1 : 0;
    }
}
