// S1QL 1.0 -> KQL. Writes the query's condition once per table of the profile, keeps the tables where it can
// hold, and joins them with union when there are several. Where the query cannot be written exactly the
// diagnostics say so; where it cannot be written at all there is no output.
package dev.s1ql.render.kql;

import dev.s1ql.ast.Query;
import dev.s1ql.ast.Span;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.translate.OneDotZeroSemantics;
import dev.s1ql.translate.Strictness;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class KqlTranslator implements Translator {

    private final Map<String, KqlProfile> profiles = new ConcurrentHashMap<>();

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
        // 2.0 and PowerQuery input: rewritten with 1.0 semantics (OneDotZeroSemantics), diagnostics kept.
        OneDotZeroSemantics.Adapted adapted = OneDotZeroSemantics.adapt(query);
        if (adapted.query() == null) return new Translation(null, adapted.diagnostics());
        query = adapted.query();
        LegDiagnostics all = new LegDiagnostics();
        adapted.diagnostics().forEach(all::add);
        EventValueCheck.check(query.root(), profile, all);

        List<KqlQueryText.Leg> legs = new ArrayList<>();
        List<TableCondition> dropped = new ArrayList<>();
        List<KqlExpr.Unexpressible> droppedWhy = new ArrayList<>();
        for (KqlProfile.Source source : profile.sources()) {
            TableCondition table = new TableCondition(profile, source);
            KqlExpr cond = table.build(query.root());
            if (cond instanceof KqlExpr.Const c && !c.value()) continue;
            if (cond instanceof KqlExpr.Unexpressible u) {
                dropped.add(table);
                droppedWhy.add(u);
                continue;
            }
            all.addAll(table.diagnostics());
            if (source.approximate()) {
                all.add(Code.TRANSLATION_APPROXIMATE_EVENT, "S1 " + source.kind() + " events are read from "
                        + source.table() + ": " + source.note(), query.root().span());
            }
            legs.add(new KqlQueryText.Leg(source, cond, table.computedColumns(), table.eventConditions()));
        }
        for (int i = 0; i < dropped.size(); i++) {
            for (Diagnostic why : droppedWhy.get(i).reasons()) {
                if (legs.isEmpty()) {
                    all.add(why);
                } else {
                    all.add(new Diagnostic(Severity.WARNING, Code.TRANSLATION_TABLE_DROPPED, "S1 events of kind '"
                            + dropped.get(i).sourceKind() + "' are not searched: " + why.message(), why.span(), null));
                }
            }
        }
        if (legs.isEmpty() && !all.hasErrors()) {
            all.add(Code.TRANSLATION_NO_TABLE, "no table of profile " + profile.name()
                    + " can hold the events this query matches", query.root().span());
        }
        String output = legs.isEmpty() ? null : KqlQueryText.write(legs);
        return new Translation(output, Strictness.apply(all.list(), options.strict()));
    }

    private KqlProfile profile(String name, Path overlay) {
        String n = name == null ? KqlProfileLoader.PROFILES.get(0) : name;
        // A user mapping file is read once per translator, like the built-in data (one CLI run, many rules).
        String key = overlay == null ? n : n + "\u0000" + overlay.toAbsolutePath();
        return profiles.computeIfAbsent(key, k -> KqlProfileLoader.load(n, overlay));
    }
}
