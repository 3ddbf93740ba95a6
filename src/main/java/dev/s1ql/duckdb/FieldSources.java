// The key paths one column of the emitted SQL (a 1.0 key, as SqlTranslator writes with v1 naming) is read from
// in an event file, as the interpreter binds it (eval/FieldBinder): the 1.0 key, the 2.0 name nested, the 2.0
// name as one flat dotted key.
package dev.s1ql.duckdb;

import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;

import java.util.ArrayList;
import java.util.List;

final class FieldSources {

    private final FieldCatalog catalog;

    FieldSources(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A current field: its key, then its 2.0 path nested and flat. Any other name (unknown fields, a legacy
     * name's own key): the name, and when it has dots, the nested path first (the interpreter's trie) and the
     * flat key.
     */
    List<List<String>> of(String column) {
        List<List<String>> out = new ArrayList<>();
        FieldInfo f = catalog.lookup(column);
        if (f != null && f.kind() == FieldKind.FIELD) {
            out.add(List.of(column));
            String two = f.s1ql2();
            if (!two.isEmpty() && !two.startsWith("#")) dotted(two, out);
        } else {
            dotted(column, out);
        }
        return out;
    }

    private static void dotted(String name, List<List<String>> out) {
        if (name.indexOf('.') >= 0) out.add(List.of(name.split("\\.")));
        if (!out.contains(List.of(name))) out.add(List.of(name));
    }
}
