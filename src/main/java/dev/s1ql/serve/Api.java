// What each API endpoint answers, without HTTP: the per-query objects come from the same functions the command
// line prints with (CommandResults, MatchOutput), so an answer equals the CLI's JSON for the same query.
package dev.s1ql.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.check.CheckOptions;
import dev.s1ql.check.Validator;
import dev.s1ql.cli.CommandResults;
import dev.s1ql.cli.DiagnosticPrinter;
import dev.s1ql.cli.FmtCommand;
import dev.s1ql.cli.input.InputException;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.cli.input.RuleDocument;
import dev.s1ql.diag.Code;
import dev.s1ql.events.EventFormat;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.render.S1qlFormatter;
import dev.s1ql.translate.Strictness;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.TranslationSetupException;
import dev.s1ql.translate.Translator;
import dev.s1ql.translate.Translators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

final class Api {

    private final ObjectMapper json = new ObjectMapper();
    private final BoundedEval eval;
    private final Samples samples = Samples.bundled();

    Api(ServeLimits limits) {
        this.eval = new BoundedEval(limits, json);
    }

    ObjectMapper json() {
        return json;
    }

    /** POST /api/validate {"query", "dialect"?, "strict"?, "source"?} → validate --format json's object. */
    ObjectNode validate(ApiRequest r) {
        QueryInput in = new QueryInput(r.source(), r.requiredText("query"), 0, null, null);
        Validator v = new Validator(CheckOptions.DEFAULTS.withStrict(r.flag("strict")), r.dialect());
        Validator.Result result = v.validate(in.text());
        return CommandResults.validation(json, in, result, result.diagnostics());
    }

    /** POST /api/translate {"query", "to", "profile"?, "dialect"?, "options"?, "source"?} → translate's object. */
    ObjectNode translate(ApiRequest r) {
        QueryInput in = new QueryInput(r.source(), r.requiredText("query"), 0, null, null);
        String to = r.requiredText("to");
        Translator translator = Translators.forTarget(to);
        if (translator == null) {
            throw ApiException.badRequest("unknown target '" + to + "' (known: " + String.join(", ", Translators.targets()) + ")");
        }
        String profile = r.text("profile");
        if (profile != null && !translator.profiles().contains(profile)) {
            throw ApiException.badRequest("unknown " + translator.target() + " profile '" + profile + "' (known: "
                    + String.join(", ", translator.profiles()) + ")");
        }
        boolean strict = false;
        Map<String, String> settings = new LinkedHashMap<>();
        ObjectNode options = r.object("options");
        if (options != null) {
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = options.fields(); it.hasNext(); ) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
                if (e.getKey().equals("strict")) {
                    if (!e.getValue().isBoolean()) throw ApiException.badRequest("option 'strict' must be true or false");
                    strict = e.getValue().asBoolean();
                } else if (translator.settings().contains(e.getKey())) {
                    if (!e.getValue().isTextual()) throw ApiException.badRequest("option '" + e.getKey() + "' must be a string");
                    settings.put(e.getKey(), e.getValue().asText());
                } else {
                    throw ApiException.badRequest("option '" + e.getKey() + "' does not apply to " + translator.target()
                            + " (known: " + String.join(", ", optionNames(translator)) + ")");
                }
            }
        }
        TranslationOptions opts = new TranslationOptions(profile, null, strict, settings);
        Translation t;
        try {
            t = CommandResults.translate(new QueryReader(), translator, in, r.dialect(), opts);
        } catch (TranslationSetupException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return CommandResults.translation(json, in, translator, profile != null ? profile : translator.profiles().get(0), t);
    }

    private static List<String> optionNames(Translator t) {
        List<String> names = new java.util.ArrayList<>();
        names.add("strict");
        names.addAll(new java.util.TreeSet<>(t.settings()));
        return names;
    }

    /** POST /api/fmt {"query", "dialect"?} → {"output", "diagnostics"}: fmt's canonical text, or why there is none. */
    ObjectNode fmt(ApiRequest r) {
        QueryInput in = new QueryInput(r.source(), r.requiredText("query"), 0, null, null);
        ParseResult parsed = new QueryReader().read(in.text(), r.dialect());
        ObjectNode n = json.createObjectNode();
        String output = null;
        String problem = null;
        if (parsed.ok()) {
            try {
                output = FmtCommand.format(parsed.query());
            } catch (S1qlFormatter.UnrepresentableException e) {
                problem = e.getMessage();
            }
        }
        n.put("output", output);
        if (problem != null) n.put("error", "cannot format: " + problem);
        n.set("diagnostics", DiagnosticPrinter.json(json, in,
                parsed.diagnostics().stream().filter(d -> d.isError()).toList()));
        return n;
    }

    /**
     * POST /api/eval {"query", "events" | "sample", "format"?, "explain"?, "dialect"?, "source"?}: matches and
     * rows as eval --format json prints them (see BoundedEval).
     */
    ObjectNode eval(ApiRequest r) {
        QueryInput in = new QueryInput(r.source(), r.requiredText("query"), 0, null, null);
        String events = r.text("events");
        String sample = r.text("sample");
        if ((events == null) == (sample == null)) {
            throw ApiException.badRequest("give either 'events' (NDJSON, JSON or CSV text) or 'sample' (a name from "
                    + "GET /api/samples)");
        }
        byte[] bytes;
        String label;
        if (sample != null) {
            bytes = samples.bytes(sample);
            if (bytes == null || !samples.eventFiles().contains(sample)) {
                throw ApiException.badRequest("unknown sample '" + sample + "' (known: "
                        + String.join(", ", samples.eventFiles()) + ")");
            }
            label = sample;
        } else {
            bytes = events.getBytes(StandardCharsets.UTF_8);
            label = "<events>";
        }
        String f = r.text("format");
        EventFormat format;
        if (f == null || f.equals("auto")) format = sample != null ? EventFormat.fromName(sample) : null;
        else format = switch (f) {
            case "ndjson" -> EventFormat.NDJSON;
            case "json" -> EventFormat.JSON;
            case "csv" -> EventFormat.CSV;
            default -> throw ApiException.badRequest("unknown events format '" + f + "' (auto, ndjson, json, csv)");
        };
        return eval.run(in, r.dialect(), bytes, label, format, r.flag("explain"));
    }

    /** GET /api/targets: every registered target with its profiles and options; the approximation codes. */
    ObjectNode targets() {
        ObjectNode n = json.createObjectNode();
        ArrayNode list = n.putArray("targets");
        for (String name : Translators.targets()) {
            Translator t = Translators.forTarget(name);
            ObjectNode o = list.addObject();
            o.put("target", t.target());
            ArrayNode profiles = o.putArray("profiles");
            t.profiles().forEach(profiles::add);
            o.put("defaultProfile", t.profiles().get(0));
            ArrayNode options = o.putArray("options");
            optionNames(t).forEach(options::add);
        }
        ArrayNode approx = n.putArray("approximations");
        for (Code c : Strictness.APPROXIMATIONS) approx.add(c.id());
        ArrayNode dialects = n.putArray("dialects");
        for (String d : List.of("auto", "1.0", "2.0", "pq")) dialects.add(d);
        return n;
    }

    /** GET /api/samples: the bundled example event files and queries, by name. */
    ObjectNode samples() {
        ObjectNode n = json.createObjectNode();
        ArrayNode events = n.putArray("events");
        for (String name : samples.eventFiles()) events.addObject().put("name", name).put("bytes", samples.bytes(name).length);
        ArrayNode queries = n.putArray("queries");
        for (String name : samples.queryFiles()) {
            String text = new String(samples.bytes(name), StandardCharsets.UTF_8);
            ObjectNode q = queries.addObject().put("name", name);
            if (name.endsWith(".md")) {
                try {
                    QueryInput doc = RuleDocument.read(name, text);
                    if (doc.title() != null) q.put("title", doc.title());
                    text = doc.text();
                } catch (InputException e) {
                    continue;
                }
            }
            q.put("query", text.strip());
        }
        return n;
    }

    /** GET /api/health. */
    ObjectNode health() {
        ObjectNode n = json.createObjectNode();
        n.put("status", "ok");
        n.put("version", version());
        n.put("java", System.getProperty("java.version"));
        return n;
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = Api.class.getResourceAsStream("/dev/s1ql/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // "unknown" below
        }
        return p.getProperty("version", "unknown");
    }

    /** The fields each POST endpoint reads. */
    static final Set<String> VALIDATE_FIELDS = Set.of("query", "dialect", "strict", "source");
    static final Set<String> TRANSLATE_FIELDS = Set.of("query", "to", "profile", "dialect", "options", "source");
    static final Set<String> FMT_FIELDS = Set.of("query", "dialect", "source");
    static final Set<String> EVAL_FIELDS = Set.of("query", "events", "sample", "format", "explain", "dialect", "source");
}
