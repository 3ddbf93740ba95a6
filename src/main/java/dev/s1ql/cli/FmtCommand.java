// `s1ql fmt`: prints queries in canonical form in their own dialect (S1QL 1.0, 2.0, PowerQuery); --check lists inputs
// that are not (the CI gate, with --fail-on), --write rewrites files. One summary line ends the run.
package dev.s1ql.cli;

import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.render.S1qlFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = "Print queries in canonical form, in their own dialect: one line, canonical operator and "
                + "field spellings, parentheses only where they are needed or help reading; S1QL 2.0 with every "
                + "case rule explicit (:anycase / :matchcase). Comments are kept, on lines before the query.",
        footer = {"", "Examples:",
                "  s1ql fmt -q 'tgtproccmdline containscis \"-enc\" and (EventType = \"Process Creation\")'",
                "  s1ql fmt --check rules/     # exit 1 and list the inputs that are not canonical",
                "  s1ql fmt --write rules/     # rewrite files in place (rule documents: only the query block)",
                "  s1ql fmt --check --fail-on warning rules/   # also fail on parse warnings (e.g. S2009)",
                "", "Prints one summary line on stderr: s1ql fmt: N queries: ...",
                "Exit codes: 0 success, 1 a query has a syntax error or (--check) is not canonical, or (--fail-on "
                + "warning) has a warning, 2 usage or I/O error, or no query found."})
public final class FmtCommand implements Callable<Integer> {

    @Mixin
    InputOptions inputs;

    @Option(names = "--check", description = "Print nothing; list inputs that are not canonical and exit 1 if any.")
    boolean check;

    @Option(names = {"-w", "--write"}, description = "Rewrite files in place instead of printing.")
    boolean write;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
            description = "Also exit 1 when an input has a diagnostic of this level: ${COMPLETION-CANDIDATES} "
                + "(default: ${DEFAULT-VALUE}; warning runs validate's checks and prints their warnings on stderr).")
    FailOn failOn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<QueryInput> all = inputs.collectOrReport(err, "fmt");
        if (all == null) return Main.EXIT_USAGE;
        QueryReader reader = new QueryReader();
        dev.s1ql.check.Validator validator = new dev.s1ql.check.Validator(dev.s1ql.check.CheckOptions.DEFAULTS,
                inputs.dialect());
        boolean failed = false;
        int unparsed = 0;
        int warned = 0;
        int rewritten = 0;
        List<String> notCanonical = new ArrayList<>();
        for (QueryInput in : all) {
            ParseResult r = in.parse(reader, inputs.dialect());
            if (!r.ok()) {
                for (Diagnostic d : r.diagnostics()) DiagnosticPrinter.print(err, in, d);
                failed = true;
                unparsed++;
                continue;
            }
            if (failOn == FailOn.warning) {
                // the same warnings validate reports (parse and semantic checks), so that both gates agree
                List<Diagnostic> checked = validator.validate(in.text()).diagnostics();
                if (failOn.fails(checked)) {
                    for (Diagnostic d : checked) if (!d.isError()) DiagnosticPrinter.print(err, in, d);
                    failed = true;
                    warned++;
                }
            }
            String formatted;
            try {
                formatted = format(r.query());
            } catch (S1qlFormatter.UnrepresentableException e) {
                err.println(in.source() + ": cannot format: " + e.getMessage());
                failed = true;
                unparsed++;
                continue;
            }
            boolean canonical = formatted.equals(in.text().strip());
            if (check) {
                if (!canonical) notCanonical.add(in.source());
            } else if (write) {
                if (!canonical) {
                    rewritten++;
                    try {
                        rewrite(in, formatted);
                    } catch (IOException e) {
                        err.println("s1ql fmt: " + in.source() + ": cannot write: " + e.getMessage());
                        return Main.EXIT_USAGE;
                    } catch (IllegalArgumentException e) {
                        err.println("s1ql fmt: " + e.getMessage());
                        return Main.EXIT_USAGE;
                    }
                }
            } else {
                out.println(formatted);
            }
        }
        out.flush();
        for (String s : notCanonical) err.println("not canonical: " + s);
        String done = check ? (all.size() - unparsed - notCanonical.size()) + " canonical, " + notCanonical.size()
                + " not canonical" : write ? rewritten + " rewritten" : (all.size() - unparsed) + " formatted";
        err.printf("s1ql fmt: %d %s: %s, %d failed to parse%s (%.1f s)%n", all.size(),
                all.size() == 1 ? "query" : "queries", done, unparsed,
                failOn == FailOn.warning ? ", " + warned + " with warnings (--fail-on warning)" : "",
                (System.nanoTime() - started) / 1e9);
        err.flush();
        return failed || !notCanonical.isEmpty() ? 1 : 0;
    }

    /**
     * Canonical text in the query's own dialect (also the serve API's fmt). A 2.0 / PowerQuery query whose canonical
     * text the dialect detector would read as 1.0 ({@code a < 1 and b < 2}: no 2.0 mark) is printed with the marks
     * of 2.0 ({@code &&}, {@code ||}, {@code ==}), so that what fmt prints is read back as the query it was.
     */
    public static String format(dev.s1ql.ast.Query q) {
        if (q.dialect() == dev.s1ql.ast.Dialect.S1QL_1) return S1qlFormatter.format(q);
        String text = withComments(q, dev.s1ql.render.S1ql2Writer.write(q));
        dev.s1ql.parse.ParseResult back = new dev.s1ql.parse.QueryReader().read(text, dev.s1ql.parse.DialectChoice.AUTO);
        if (back.ok() && back.query().dialect() == q.dialect()) return text;
        return withComments(q, dev.s1ql.render.S1ql2Writer.writeMarked(q));
    }

    private static String withComments(dev.s1ql.ast.Query q, dev.s1ql.render.S1ql2Writer.Result r) {
        if (r.text() == null) throw new S1qlFormatter.UnrepresentableException(r.diagnostics().get(0).message());
        StringBuilder sb = new StringBuilder();
        for (dev.s1ql.ast.Query.Comment c : q.comments()) {
            sb.append(c.text().startsWith("/*") ? c.text() : c.text().stripTrailing()).append('\n');
        }
        return sb.append(r.text()).toString();
    }

    /** Replaces the query in its file: the whole file, or the query block of a rule document. */
    private static void rewrite(QueryInput in, String formatted) throws IOException {
        if (in.source().equals("<stdin>") || in.source().startsWith("-q")) {
            throw new IllegalArgumentException("--write needs files; " + in.source() + " is not one");
        }
        Path p = Path.of(in.source());
        if (!in.isRuleDocument()) {
            Files.writeString(p, formatted + "\n", StandardCharsets.UTF_8);
            return;
        }
        String[] lines = Files.readString(p, StandardCharsets.UTF_8).split("\n", -1);
        int first = in.lineOffset();
        int count = in.text().split("\n", -1).length;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < first; i++) sb.append(lines[i]).append('\n');
        sb.append(formatted).append('\n');
        for (int i = first + count; i < lines.length; i++) {
            if (i == first + count && lines[i].isBlank() && i + 1 < lines.length && !lines[i + 1].startsWith("```")) {
                continue;
            }
            sb.append(lines[i]);
            if (i < lines.length - 1) sb.append('\n');
        }
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    }
}
