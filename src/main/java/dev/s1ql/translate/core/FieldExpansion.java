// The one place where a field as written becomes the concrete fields it reads, as the evaluator binds it: a
// current field itself; a legacy name or shortcut (CmdLine, IP, ProcessName, ...) each of its members, OR-ed,
// plus a key spelled like the alias (exports that kept the legacy name); an unknown field its written name.
package dev.s1ql.translate.core;

import dev.s1ql.ast.FieldRef;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;

import java.util.ArrayList;
import java.util.List;

final class FieldExpansion {

    /** One concrete field: its name, catalog entry (null when unknown), whether it is the alias's own key. */
    record Member(String name, FieldInfo info, String via, boolean aliasKey) {
    }

    private final FieldCatalog catalog;

    FieldExpansion(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    List<Member> expand(FieldRef ref) {
        FieldInfo f = ref.resolved();
        if (f == null) return List.of(new Member(ref.written(), null, null, false));
        if (f.kind() == FieldKind.FIELD || f.members().isEmpty()) return List.of(new Member(f.name(), f, null, false));
        List<Member> out = new ArrayList<>();
        for (String m : f.members()) out.add(new Member(m, catalog.lookup(m), f.name(), false));
        out.add(new Member(f.name(), f, f.name(), true));
        return out;
    }
}
