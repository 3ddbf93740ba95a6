// The SPL target of `s1ql translate --to spl`: loads the profile (with the user's mapping overlay) and renders
// each query, lowered by the translation core, with SplRenderer; --strict turns approximations into errors.
package dev.s1ql.render.spl;

import dev.s1ql.ast.Query;
import dev.s1ql.ast.Span;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.translate.Strictness;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translator;
import dev.s1ql.translate.core.Lowered;
import dev.s1ql.translate.core.Lowering;
import dev.s1ql.translate.core.LoweringOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

public final class SplTranslator implements Translator {

    private static final Set<String> BASE_SETTINGS = Set.of("index", "sourcetype");

    private final Map<String, SplProfile> loaded = new ConcurrentHashMap<>();

    @Override
    public String target() {
        return "spl";
    }

    @Override
    public List<String> profiles() {
        return SplProfileLoader.PROFILES;
    }

    /** SPL's comment is a triple-backtick pair; a backtick run inside the text could end it, so none is kept. */
    @Override
    public String lineComment(String text) {
        return "``` " + text.replace("`", "'") + " ```";
    }

    @Override
    public Translation translate(Query query, TranslationOptions options) {
        SplProfile profile = profile(options.profile() == null ? profiles().get(0) : options.profile(),
                options.mapping(), baseSettings(options));
        LoweringOptions readings = LoweringOptions.of(options, !profile.identity());
        Lowered lowered = new Lowering(readings).lower(query);
        List<Diagnostic> all = new java.util.ArrayList<>(lowered.diagnostics());
        if (all.stream().anyMatch(Diagnostic::isError)) return new Translation(null, all);
        SplRenderer renderer = new SplRenderer(profile);
        String text = renderer.render(lowered.condition(), query.root() == null ? Span.NONE : query.root().span());
        all.addAll(renderer.diagnostics());
        if (text != null && !lowered.outputStages().isEmpty()) {
            // the stages after the search: where, eval, stats, sort, head ... (SplPipeline)
            SplPipeline pipeline = new SplPipeline(profile, renderer.kept(), query.dialect(), readings);
            String stages = pipeline.write(lowered.outputStages());
            all.addAll(pipeline.diagnostics());
            text = stages == null ? null : text + stages;
        }
        return new Translation(text, Strictness.apply(dedupe(all), options.strict()));
    }

    /** The same message about the same place once (a leg per OS can say the same thing three times). */
    private static List<Diagnostic> dedupe(List<Diagnostic> in) {
        Map<String, Diagnostic> seen = new java.util.LinkedHashMap<>();
        for (Diagnostic d : in) seen.putIfAbsent(d.code().id() + "\u0000" + d.span().start() + "\u0000" + d.message(), d);
        return List.copyOf(seen.values());
    }

    /** --index and --sourcetype: the base-search settings a user gives on the command line. */
    @Override
    public List<dev.s1ql.translate.TargetSetting> targetSettings() {
        return List.of(new dev.s1ql.translate.TargetSetting("index", "NAME", "spl: put index=NAME in front of every "
                        + "search (overrides the profile's index setting).", List.of()),
                new dev.s1ql.translate.TargetSetting("sourcetype", "NAME", "spl: put sourcetype=NAME in front of every "
                        + "search (overrides the profile's sourcetype setting).", List.of()));
    }

    private static Map<String, String> baseSettings(TranslationOptions options) {
        Map<String, String> s = new TreeMap<>();
        for (String name : BASE_SETTINGS) {
            String v = options.setting(name);
            if (v != null) s.put(name, v);
        }
        return s;
    }

    /** Profiles are loaded once per name, mapping file and settings (a run translates many queries with one). */
    private SplProfile profile(String name, Path mapping, Map<String, String> settings) {
        String key = Objects.requireNonNull(name) + "\t" + (mapping == null ? "" : mapping.toAbsolutePath())
                + "\t" + settings;
        SplProfile p = loaded.get(key);
        if (p == null) {
            p = SplProfileLoader.load(name, mapping, settings);
            loaded.put(key, p);
        }
        return p;
    }
}
