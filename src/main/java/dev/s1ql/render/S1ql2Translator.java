// Migration to S1QL 2.0 (`--to s1ql2`) and PowerQuery (`--to pq`): the AST written by S1ql2Writer, whose
// rules are spec §7.4 with 1.0's case and missing-field semantics kept exact (docs/s1ql2.md).
package dev.s1ql.render;

import dev.s1ql.ast.Query;
import dev.s1ql.translate.Strictness;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.TranslationSetupException;
import dev.s1ql.translate.Translator;

import java.util.List;

public class S1ql2Translator implements Translator {

    private final String target;

    /** The {@code s1ql2} target. */
    public S1ql2Translator() {
        this("s1ql2");
    }

    /** @param target {@code s1ql2} or {@code pq}; a PowerQuery's initial filter is a 2.0 filter, so both write the same */
    protected S1ql2Translator(String target) {
        this.target = target;
    }

    /** The {@code pq} target: the same writer, named for PowerQuery. */
    public static final class PowerQuery extends S1ql2Translator {
        public PowerQuery() {
            super("pq");
        }
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public List<String> profiles() {
        return List.of("default");
    }

    @Override
    public Translation translate(Query query, TranslationOptions options) {
        if (options.mapping() != null) {
            throw new TranslationSetupException("--to " + target + " takes no --mapping: field names come from the "
                    + "field catalog (src/main/resources/dev/s1ql/catalog/fields.tsv)");
        }
        // the core's checks and reading notes, as every target reports them; the text keeps the query's structure
        java.util.List<dev.s1ql.diag.Diagnostic> all = new java.util.ArrayList<>(new dev.s1ql.translate.core.Lowering(
                dev.s1ql.translate.core.LoweringOptions.of(options, false)).lower(query).diagnostics());
        S1ql2Writer.Result r = S1ql2Writer.write(query, options.regexCaseInsensitive());
        all.addAll(r.diagnostics());
        return new Translation(r.text(), Strictness.apply(all, options.strict()));
    }
}
