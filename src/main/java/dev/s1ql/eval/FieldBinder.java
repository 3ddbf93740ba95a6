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
 * ({@code src.process.name}, nested or flat). A legacy or shortcut name (spec §6.2) reads each member field,
 * OR-ed, and also a key spelled like the alias itself, because DV API responses still carry some legacy keys
 * ({@code agentName}, {@code agentOs}). An unknown field reads the key as written.
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
        for (String member : f.members()) {
            FieldInfo m = catalog.lookup(member);
            out.add(m != null ? concrete(m) : new Binding(member, selection.slot(member, List.of(member)), false));
        }
        out.add(new Binding(f.name(), selection.slot(f.name(), List.of(f.name())), f.isEnum()));
        return out;
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
