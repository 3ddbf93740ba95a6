// Resolves a field as written in a query to the concrete event fields (slots) it reads, once, at compile time.
package dev.s1ql.eval;

import dev.s1ql.ast.FieldRef;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import dev.s1ql.events.FieldSelection;
import java.util.ArrayList;
import java.util.List;

/**
 * A current field reads its 1.0 key (any case: {@code SrcProcName} reads {@code srcProcName}) and its 2.0 path
 * ({@code src.process.name}, nested or flat). A legacy name or shortcut (spec §6.2) with one member is another
 * spelling of that field and reads ONE slot: the member's value, or, when the event lacks the member, the value of
 * a key spelled like the alias itself (DV API responses still carry some legacy keys: {@code agentName}); so a
 * negated operator or {@code Is Empty} tests one value, never an OR over two keys that disagree. A name with
 * several members ({@code CmdLine}, {@code ProcessName}) reads each member, OR-ed, and no key of its own. An
 * unknown field reads the key as written. The same rule is the translation core's (FieldExpansion) and SQL's.
 */
final class FieldBinder {

    /** One concrete field a predicate reads. */
    record Binding(String name, int slot, boolean isEnum) {
    }

    private final FieldCatalog catalog;
    private final FieldSelection selection;
    private final DerivedFields derived = new DerivedFields();

    FieldBinder(FieldCatalog catalog, FieldSelection selection) {
        this.catalog = catalog;
        this.selection = selection;
    }

    /** The fields derived for events that lack them (meta.event.name, i.scheme), as bound so far. */
    DerivedFields derived() {
        return derived;
    }

    List<Binding> bind(FieldRef ref) {
        FieldInfo f = ref.resolved();
        if (f == null) return List.of(new Binding(ref.written(), selection.slot(ref.written(), List.of(ref.written())), false));
        List<Binding> out = new ArrayList<>();
        if (f.kind() == FieldKind.FIELD || f.members().isEmpty()) {
            out.add(concrete(f));
            return out;
        }
        if (f.isSingleMemberAlias()) {
            Binding member = member(f.members().get(0));
            int ownKey = selection.slot(f.name() + " (own key)", List.of(f.name()));
            int one = selection.slot(f.name(), List.of());
            derived.fallback(one, member.slot(), ownKey);
            out.add(new Binding(f.name(), one, member.isEnum()));
            return out;
        }
        for (String member : f.members()) out.add(member(member));
        return out;
    }

    private Binding member(String member) {
        FieldInfo m = catalog.lookup(member);
        return m != null ? concrete(m) : new Binding(member, selection.slot(member, List.of(member)), false);
    }

    private Binding concrete(FieldInfo f) {
        List<String> keys = new ArrayList<>();
        keys.add(f.name());
        if (!f.s1ql2().isEmpty() && !f.s1ql2().startsWith("#") && !f.s1ql2().equalsIgnoreCase(f.name())) {
            keys.add(f.s1ql2());
        }
        Binding b = new Binding(f.name(), selection.slot(f.name(), keys), f.isEnum());
        if (DerivedFields.derives(f.name())) {
            FieldInfo eventType = catalog.lookup("EventType");
            FieldInfo objectType = catalog.lookup("ObjectType");
            derived.register(f.name(), b.slot(), concrete(eventType).slot(), concrete(objectType).slot());
        }
        return b;
    }
}
