// The registry of translation targets: the targets are the Translator services listed in
// META-INF/services/dev.s1ql.translate.Translator, the one place that names them. A new target is one dialect
// class (a Translator), its mapping data, its tests and one line there; nothing else lists targets (docs/architecture.md).
package dev.s1ql.translate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

public final class Translators {

    private static final Map<String, Translator> BY_TARGET = new LinkedHashMap<>();

    static {
        for (Translator t : ServiceLoader.load(Translator.class, Translators.class.getClassLoader())) {
            Translator clash = BY_TARGET.putIfAbsent(t.target(), t);
            if (clash != null) throw new IllegalStateException("two translators for target " + t.target());
        }
    }

    private Translators() {
    }

    /** The translator for {@code --to NAME}, or null when there is none. */
    public static Translator forTarget(String name) {
        return name == null ? null : BY_TARGET.get(name.toLowerCase(Locale.ROOT));
    }

    public static Set<String> targets() {
        return BY_TARGET.keySet();
    }

    /** Every registered translator, in registry order. */
    public static java.util.Collection<Translator> all() {
        return BY_TARGET.values();
    }
}
