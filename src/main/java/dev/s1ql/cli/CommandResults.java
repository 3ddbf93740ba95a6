// The per-input JSON objects that `validate --format json` and `translate --format json` print, built in one
// place so that the command line and the `s1ql serve` API answer with the same objects.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.check.Validator;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translator;

import java.util.ArrayList;
import java.util.List;

public final class CommandResults {

    private CommandResults() {
    }

    /**
     * {@code {"source", "title"?, "id"?, "valid", "dialect"?, "diagnostics"}} for one validated input.
     *
     * @param shown the diagnostics to list (all of them, or only errors with {@code -W})
     */
    public static ObjectNode validation(ObjectMapper m, QueryInput in, Validator.Result r, List<Diagnostic> shown) {
        ObjectNode n = m.createObjectNode();
        n.put("source", in.source());
        if (in.title() != null) n.put("title", in.title());
        if (in.id() != null) n.put("id", in.id());
        n.put("valid", r.valid());
        if (r.query() != null) n.put("dialect", r.query().dialect().label());
        n.set("diagnostics", DiagnosticPrinter.json(m, in, shown));
        return n;
    }

    /**
     * Parses and translates one input. Parse problems come first; a query that does not parse is not
     * translated.
     *
     * @throws dev.s1ql.translate.TranslationSetupException when the options cannot be used at all
     */
    public static Translation translate(QueryReader parser, Translator translator, QueryInput in,
                                        DialectChoice dialect, TranslationOptions options) {
        return translateKeepingComments(parser, translator, in, dialect, options).translation();
    }

    /** A translation and the comments of its source, which `translate` carries into its output. */
    public record Translated(Translation translation, List<dev.s1ql.ast.Query.Comment> comments) {
    }

    /** As {@link #translate}, also returning the source's comments (none when it does not parse). */
    public static Translated translateKeepingComments(QueryReader parser, Translator translator, QueryInput in,
                                                      DialectChoice dialect, TranslationOptions options) {
        ParseResult parsed = in.parse(parser, dialect);
        if (parsed.query() == null || parsed.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            return new Translated(new Translation(null, parsed.diagnostics()), List.of());
        }
        Translation t = translator.translate(parsed.query(), options);
        List<Diagnostic> ds = new ArrayList<>(parsed.diagnostics());
        ds.addAll(t.diagnostics());
        return new Translated(new Translation(t.output(), ds), parsed.query().comments());
    }

    /** {@code {"source", "title"?, "id"?, "target", "profile", "output", "diagnostics"}} for one translated input. */
    public static ObjectNode translation(ObjectMapper m, QueryInput in, Translator translator, String profile,
                                         Translation t) {
        ObjectNode n = m.createObjectNode();
        n.put("source", in.source());
        if (in.title() != null) n.put("title", in.title());
        if (in.id() != null) n.put("id", in.id());
        n.put("target", translator.target());
        n.put("profile", profile);
        n.put("output", t.output());
        n.set("diagnostics", DiagnosticPrinter.json(m, in, t.diagnostics()));
        return n;
    }
}
