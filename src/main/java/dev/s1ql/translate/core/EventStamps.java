// The event-kind stamps of SentinelOne's 2.0 data (catalog/event-kinds.tsv): `meta.event.name in ('PROCESSCREATION')`
// and `i.scheme = 'edr'`, with which every official 2.0 translation and console export starts, read as what they
// are — a test on the kind of event — so that every target can decide them per kind of event like EventType.
package dev.s1ql.translate.core;

import dev.s1ql.ast.MatchKind;
import dev.s1ql.catalog.EventKinds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

final class EventStamps {

    private EventStamps() {
    }

    /**
     * A test on {@code meta.event.name} as the EventTypes whose codes it holds for (an OR of EventType tests), a
     * test on {@code i.scheme} as the constant it is on SentinelOne's EDR events; null for any other test.
     */
    static Cond read(Test t) {
        if (t.on(EventKinds.SCHEME)) return scheme(t);
        if (!t.on(EventKinds.META_EVENT_NAME)) return null;
        EventKinds kinds = EventKinds.defaults();
        // the test without its operator negation: != and Not In are its complement, every EDR event having a code
        Test positive = new Test(t.field(), t.info(), t.kind(), false, t.comparison(), t.operands(), t.ignoreCase(),
                t.source(), t.via(), t.aliasKey());
        Set<String> eventTypes = new LinkedHashSet<>();
        for (String code : kinds.metaEventNames()) {
            if (ConstantTest.holds(positive, code)) eventTypes.addAll(kinds.eventTypes(code));
        }
        List<Cond> each = new ArrayList<>();
        for (String et : eventTypes) {
            if (EventUniverse.defaults().objectTypeOf(et) != null) each.add(new Cond.Lit(eventType(t, et), false));
        }
        Cond any = Cond.or(each);
        return t.negated() ? Cond.not(any) : any;
    }

    /** EDR events all carry i.scheme 'edr' (event-kinds.tsv): the test is decided by that value. */
    private static Cond scheme(Test t) {
        List<String> schemes = EventKinds.defaults().schemes();
        if (schemes.size() != 1) return null;
        return Cond.of(ConstantTest.holds(t, schemes.get(0)));
    }

    private static Test eventType(Test from, String eventType) {
        return new Test("EventType", dev.s1ql.catalog.FieldCatalog.defaults().lookup("EventType"), MatchKind.EQUALS,
                false, null, List.of(new Operand(eventType, null, from.operands().isEmpty() ? null
                : from.operands().get(0).source())), true, from.source(), null, null);
    }
}
