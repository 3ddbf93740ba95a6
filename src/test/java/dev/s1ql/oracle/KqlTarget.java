// A KQL profile as a spec target: the query translated to KQL with that profile, the events converted to rows of
// the profile's tables (KqlEventTables), and the KQL run on the KQL oracle; the matching events are the rows'
// S1qlSpecId values.
package dev.s1ql.oracle;

import dev.s1ql.eval.EvalSpecFile;
import dev.s1ql.oracle.events.Conversion;
import dev.s1ql.oracle.events.KqlEventTables;
import dev.s1ql.oracle.events.S1Event;
import dev.s1ql.oracle.kql.KqlOracle;
import dev.s1ql.oracle.kql.KqlTable;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class KqlTarget implements SpecTarget {

    private final String profile;

    public KqlTarget(String profile) {
        this.profile = profile;
    }

    @Override
    public String name() {
        return "kql." + profile;
    }

    /** Maps the spec events' "id" to the oracle's id column, for pipelines that read it (columns id, sort id). */
    static final java.nio.file.Path ID_MAPPING = java.nio.file.Path.of("src/test/resources/oracle/kql-spec-id.tsv");

    @Override
    public TargetRun run(EvalSpecFile spec) {
        if (spec.hasRows()) return pipeline(spec);
        Translation t = translate(spec.query(), "kql", profile, spec.options().regexCaseInsensitive());
        Conversion<Map<String, KqlTable>> tables = KqlEventTables.convert(profile, S1Event.read(spec.events()));
        KqlTable result = KqlOracle.run(t.output(), tables.data());
        if (result.column(KqlEventTables.ID_COLUMN) == null) {
            throw new AssertionError("the result has no " + KqlEventTables.ID_COLUMN + " column: " + result.columns());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : result.completeRows()) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.put("id", row.remove(KqlEventTables.ID_COLUMN));
            rows.add(row);
        }
        return new TargetRun(rows, t.output(), tables.describe());
    }

    /** A pipeline case: the rows of the translated pipeline as the oracle gives them, under their KQL column names. */
    private TargetRun pipeline(EvalSpecFile spec) {
        Translation t = translate(spec.query(), "kql", profile, spec.options().regexCaseInsensitive(), ID_MAPPING);
        Conversion<Map<String, KqlTable>> tables = KqlEventTables.convert(profile, S1Event.read(spec.events()));
        KqlTable result = KqlOracle.run(t.output(), tables.data());
        return new TargetRun(result.completeRows(), t.output(), tables.describe());
    }

    /** The translation, or an AssertionError naming its error diagnostics. */
    static Translation translate(String query, String target, String profile) {
        return translate(query, target, profile, true);
    }

    /** @param regexCaseInsensitive the spec's 1.0 RegExp case reading (regex-case=...), which translate takes too */
    static Translation translate(String query, String target, String profile, boolean regexCaseInsensitive) {
        return translate(query, target, profile, regexCaseInsensitive, null);
    }

    static Translation translate(String query, String target, String profile, boolean regexCaseInsensitive,
                                 java.nio.file.Path mapping) {
        ParseResult parsed = new QueryReader().read(query, DialectChoice.AUTO);
        if (!parsed.ok()) throw new AssertionError("query does not parse: " + query + " " + parsed.diagnostics());
        Translation t = Translators.forTarget(target).translate(parsed.query(), new TranslationOptions(profile, mapping, false)
                .withRegexCaseInsensitive(regexCaseInsensitive));
        if (!t.ok()) {
            StringBuilder b = new StringBuilder("not translated to " + target + " " + profile + ":");
            t.diagnostics().stream().filter(dev.s1ql.diag.Diagnostic::isError).forEach(d -> b.append("\n    ").append(d.message())
                    .append(" [").append(d.code()).append("]"));
            throw new AssertionError(b.toString());
        }
        return t;
    }
}
