// S1QL -> KQL: the KQL dialect of the translation core. Each kind of SentinelOne event is one leg, read from the
// profile's table for it (or missing when the profile has none); the core writes the query's condition for each
// leg with KqlLegWriter, drops only what a table cannot say, and KqlQueryText joins the tables with union; the
// PowerQuery stages after the filter follow as KQL operators on the union (PipelineKql).
package dev.s1ql.render.kql;

import dev.s1ql.ast.Span;
import dev.s1ql.ast.Query;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.translate.Strictness;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translator;
import dev.s1ql.translate.core.EventClass;
import dev.s1ql.translate.core.EventUniverse;
import dev.s1ql.translate.core.LegPlan;
import dev.s1ql.translate.core.Lowered;
import dev.s1ql.translate.core.Lowering;
import dev.s1ql.translate.core.LoweringOptions;
import dev.s1ql.translate.core.Specializer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class KqlTranslator implements Translator {

    private final Map<String, KqlProfile> profiles = new ConcurrentHashMap<>();
    private static final Specializer SPECIALIZER = new Specializer(EventUniverse.defaults());

    @Override
    public String target() {
        return "kql";
    }

    @Override
    public List<String> profiles() {
        return KqlProfileLoader.PROFILES;
    }

    @Override
    public Translation translate(Query query, TranslationOptions options) {
        KqlProfile profile = profile(options.profile(), options.mapping());
        Lowered lowered = new Lowering(LoweringOptions.of(options, true)).lower(query);
        List<Diagnostic> all = new ArrayList<>(lowered.diagnostics());
        if (all.stream().anyMatch(Diagnostic::isError)) return new Translation(null, all);

        List<LegPlan.Leg<KqlLegWriter>> legs = new ArrayList<>();
        for (KqlProfile.Source source : profile.sources()) {
            legs.add(LegPlan.Leg.of(new EventClass(source.kind(), null, null), new KqlLegWriter(profile, source)));
        }
        for (String kind : EventUniverse.defaults().objectTypes()) {
            if (profile.source(kind) != null) continue;
            legs.add(LegPlan.Leg.missing(new EventClass(kind, null, null), new Diagnostic(Severity.ERROR,
                    Code.TRANSLATION_UNMAPPED_EVENT, "profile " + profile.name() + " has no table for these events", where(query), null)));
        }
        LegPlan.Outcome<KqlExpr, KqlLegWriter> out = LegPlan.translate(lowered.condition(), legs,
                (t, leg) -> leg.leaf(t), new KqlLegWriter(profile, profile.sources().get(0)), SPECIALIZER, where(query));
        all.addAll(out.diagnostics());
        if (!out.ok()) return new Translation(null, all);
        // the stages after the filter read event fields as one column each across the tables (StageFields)
        List<KqlProfile.Source> sources = out.kept().stream().map(k -> k.leg().payload().source()).toList();
        StageFields fields = new StageFields(profile, sources);
        PipelineKql.Written stages = PipelineKql.write(lowered.outputStages(), profile, fields, query.dialect());
        all.addAll(stages.diagnostics());
        if (all.stream().anyMatch(Diagnostic::isError)) return new Translation(null, all);
        List<KqlQueryText.Leg> written = new ArrayList<>();
        for (LegPlan.Kept<KqlExpr, KqlLegWriter> k : out.kept()) {
            KqlLegWriter leg = k.leg().payload();
            KqlProfile.Source source = leg.source();
            if (source.approximate()) {
                all.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_EVENT, "S1 " + source.kind() + " events are read from "
                        + source.table() + ": " + source.note(), where(query)));
            }
            KqlExpr cond = k.result().isConstant() ? KqlExpr.TRUE : k.result().value();
            written.add(new KqlQueryText.Leg(source, cond, leg.computedColumns(), leg.eventConditions(),
                    fields.extensions(written.size())));
        }
        return new Translation(KqlQueryText.write(written) + stages.text(), Strictness.apply(all, options.strict()));
    }

    private static Span where(Query q) {
        return q.root() != null ? q.root().span() : Span.NONE;
    }

    private KqlProfile profile(String name, Path overlay) {
        String n = name == null ? KqlProfileLoader.PROFILES.get(0) : name;
        // A user mapping file is read once per translator, like the built-in data (one CLI run, many rules).
        String key = overlay == null ? n : n + "\u0000" + overlay.toAbsolutePath();
        return profiles.computeIfAbsent(key, k -> KqlProfileLoader.load(n, overlay));
    }
}
