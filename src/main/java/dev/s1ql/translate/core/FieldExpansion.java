// The one place where a field as written becomes the concrete fields it reads, as the evaluator binds it: a
// current field itself; a legacy name with one member (AgentName) that member, read as one value with the key
// spelled like the alias as its fallback (exports that kept the legacy name); a name with several members
// (CmdLine, IP, ProcessName, ...) each member, OR-ed, and nothing else; an unknown field its written name.
package dev.s1ql.translate.core;

import dev.s1ql.ast.FieldRef;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;

import java.util.ArrayList;
import java.util.List;

final class FieldExpansion {

    /**
     * One concrete field: its name, catalog entry (null when unknown), the alias it was written as, and for a
     * single-member alias that alias, whose own key is read when the event lacks the member (else null).
     */
    record Member(String name, FieldInfo info, String via, FieldInfo aliasKey) {
    }

    private final FieldCatalog catalog;

    FieldExpansion(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    List<Member> expand(FieldRef ref) {
        FieldInfo f = ref.resolved();
        if (f == null) return List.of(new Member(ref.written(), null, null, null));
        if (f.kind() == FieldKind.FIELD || f.members().isEmpty()) return List.of(new Member(f.name(), f, null, null));
        if (f.isSingleMemberAlias()) {
            String m = f.members().get(0);
            return List.of(new Member(m, catalog.lookup(m), f.name(), f));
        }
        List<Member> out = new ArrayList<>();
        for (String m : f.members()) out.add(new Member(m, catalog.lookup(m), f.name(), null));
        return out;
    }
}
