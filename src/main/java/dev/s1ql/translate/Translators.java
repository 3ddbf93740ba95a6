// The registry of translation targets. A new target (SPL, S1QL 2.0, SQL) is one Translator class and one
// line here.
package dev.s1ql.translate;

import dev.s1ql.render.S1ql2Translator;
import dev.s1ql.render.kql.KqlTranslator;
import dev.s1ql.render.spl.SplTranslator;
import dev.s1ql.render.sql.SqlTranslator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

public final class Translators {

    private static final Map<String, Translator> BY_TARGET = new LinkedHashMap<>();

    static {
        register(new KqlTranslator());
        register(new SplTranslator());
        register(new S1ql2Translator("s1ql2"));
        register(new S1ql2Translator("pq"));
        register(new SqlTranslator());
    }

    private Translators() {
    }

    private static void register(Translator t) {
        BY_TARGET.put(t.target(), t);
    }

    /** The translator for {@code --to NAME}, or null when there is none. */
    public static Translator forTarget(String name) {
        return name == null ? null : BY_TARGET.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public static Set<String> targets() {
        return BY_TARGET.keySet();
    }
}
