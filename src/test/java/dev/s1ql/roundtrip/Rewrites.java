// The rewrites whose output users feed back to s1ql: `fmt` (same dialect) and the migration to S1QL 2.0 and
// PowerQuery (`translate --to s1ql2|pq`). Shared by the invariant test over the corpora and by the fuzzer.
package dev.s1ql.roundtrip;

import dev.s1ql.ast.Query;
import dev.s1ql.cli.FmtCommand;
import dev.s1ql.render.S1qlFormatter;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translators;

import java.util.function.Function;

public enum Rewrites {
    FMT("fmt", q -> {
        try {
            return FmtCommand.format(q);
        } catch (S1qlFormatter.UnrepresentableException e) {
            return null;
        }
    }),
    TO_S1QL2("translate --to s1ql2", q -> migrate(q, "s1ql2")),
    TO_PQ("translate --to pq", q -> migrate(q, "pq"));

    private final String label;
    private final Function<Query, String> rewrite;

    Rewrites(String label, Function<Query, String> rewrite) {
        this.label = label;
        this.rewrite = rewrite;
    }

    public String label() {
        return label;
    }

    /** Whether this rewrite applies to the query (migration starts from 1.0). */
    public boolean appliesTo(Query q) {
        return this == FMT || q.dialect() == dev.s1ql.ast.Dialect.S1QL_1;
    }

    /** The rewritten text, or null when the rewrite refuses the query with a diagnostic (e.g. a field without a 2.0 name). */
    public String apply(Query q) {
        return rewrite.apply(q);
    }

    private static String migrate(Query q, String target) {
        Translation t = Translators.forTarget(target).translate(q, TranslationOptions.defaults());
        return t.ok() ? t.output() : null;
    }
}
