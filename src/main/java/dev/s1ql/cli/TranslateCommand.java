// `s1ql translate --to TARGET`: translates S1QL 1.0 queries to another query language through the
// Translators registry. Target-neutral: everything target-specific lives in the translator and its mapping data.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.cli.input.InputException;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Translate S1QL 1.0 queries to another query language.",
        footer = {"", "Examples:",
                "  s1ql translate --to spl -q 'EventType = \"Process Creation\" AND TgtProcCmdLine ContainsCIS \"-enc\"'",
                "  s1ql translate --to spl --profile cim --format json rules/ > out.ndjson",
                "", "Exit codes: 0 every input translated, 1 some input could not be translated, 2 usage or I/O "
                + "error."})
public final class TranslateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    InputOptions inputs;

    @Option(names = "--to", required = true, paramLabel = "TARGET", description = "Target language.")
    String target;

    @Option(names = "--profile", paramLabel = "P", description = "Target profile (default: the target's first).")
    String profile;

    @Option(names = "--mapping", paramLabel = "FILE", description = "A mapping file laid over the profile's.")
    Path mapping;

    @Option(names = "--strict", description = "Refuse approximate translations (approximation warnings become errors).")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", description = "Write one file per input into DIR.")
    Path outDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Translator translator = Translators.forTarget(target);
        if (translator == null) {
            err.println("s1ql translate: unknown target '" + target + "' (known: "
                    + String.join(", ", Translators.targets()) + ")");
            return Main.EXIT_USAGE;
        }
        String prof = profile == null ? translator.profiles().get(0) : profile;
        TranslationOptions options = new TranslationOptions(prof, mapping, strict);
        List<QueryInput> all;
        try {
            all = inputs.collect();
        } catch (InputException e) {
            err.println("s1ql translate: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        ObjectMapper mapper = new ObjectMapper();
        S1qlParser parser = new S1qlParser();
        int failed = 0;
        for (int i = 0; i < all.size(); i++) {
            QueryInput in = all.get(i);
            ParseResult parsed = parser.parse(in.text());
            Translation t;
            try {
                t = parsed.ok() ? translator.translate(parsed.query(), options)
                        : new Translation(null, parsed.diagnostics());
            } catch (TranslationSetupException e) {
                err.println("s1ql translate: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
            List<Diagnostic> ds = t.diagnostics();
            if (!t.ok()) failed++;
            for (Diagnostic d : ds) DiagnosticPrinter.print(err, in, d);
            String text = t.ok() ? header(in) + t.output() : null;
            if (format == Format.json) {
                ObjectNode n = mapper.createObjectNode();
                n.put("source", in.source());
                if (in.title() != null) n.put("title", in.title());
                if (in.id() != null) n.put("id", in.id());
                n.put("target", translator.target());
                n.put("profile", prof);
                if (t.ok()) n.put("output", t.output());
                else n.putNull("output");
                n.set("diagnostics", DiagnosticPrinter.json(mapper, in, ds));
                text = n.toString();
            }
            if (text == null) continue;
            if (outDir != null) {
                try {
                    Files.createDirectories(outDir);
                    Files.writeString(outDir.resolve(fileName(in, i) + "." + (format == Format.json ? "json"
                            : translator.target())), text + "\n", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("s1ql translate: cannot write to " + outDir + ": " + e.getMessage());
                    return Main.EXIT_USAGE;
                }
            } else {
                out.println(text);
            }
        }
        out.flush();
        err.flush();
        return failed > 0 ? 1 : 0;
    }

    /** A comment line naming the rule, for rule documents (SPL and KQL both read a leading comment). */
    private static String header(QueryInput in) {
        if (!in.isRuleDocument()) return "";
        return "``` " + (in.title() == null ? "" : in.title().replace("`", "'")) + (in.id() == null ? "" : " ("
                + in.id().replace("`", "'") + ")") + " ```\n";
    }

    private static String fileName(QueryInput in, int index) {
        String base = Path.of(in.source()).getFileName() == null ? "query" : Path.of(in.source()).getFileName().toString();
        base = base.replaceAll("\\.[A-Za-z0-9]+$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return base.isEmpty() || base.startsWith("-q") ? "query-" + (index + 1) : base;
    }
}
