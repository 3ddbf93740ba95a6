// Specialises a lowered condition to one class of events: tests on the EventType, ObjectType or EndpointOS the
// class fixes, and tests on fields its kind does not carry (SentinelOne: false, IS EMPTY aside), become constants
// and AND/OR simplify. What remains is what the target must test on its events of that class.
package dev.s1ql.translate.core;

import java.util.List;

public final class Specializer {

    private final EventUniverse universe;

    public Specializer(EventUniverse universe) {
        this.universe = universe;
    }

    public Cond specialize(Cond c, EventClass cls) {
        if (cls.objectType() == null && cls.eventType() == null && cls.os() == null) return c;
        if (c instanceof Cond.Const) return c;
        if (c instanceof Cond.Lit l) {
            Boolean v = decide(l.test(), cls);
            return v == null ? c : Cond.of(l.negated() != v);
        }
        List<Cond> parts = c instanceof Cond.All a ? a.parts() : ((Cond.Any) c).parts();
        List<Cond> out = parts.stream().map(p -> specialize(p, cls)).toList();
        return c instanceof Cond.All ? Cond.and(out) : Cond.or(out);
    }

    /** The test's value on every event of the class, or null when it depends on the event. */
    public Boolean decide(Test t, EventClass cls) {
        String field = t.lowerField();
        String known = switch (field) {
            case "eventtype" -> cls.eventType();
            case "objecttype" -> cls.objectType();
            case "endpointos" -> cls.os();
            default -> null;
        };
        if (known != null) return ConstantTest.holds(t, known);
        if (field.equals("eventtype") && cls.objectType() != null) return sameForEveryType(t, cls.objectType());
        if (field.equals("eventtype") || field.equals("objecttype") || field.equals("endpointos")) return null;
        if (cls.objectType() != null && !universe.carriesLower(field, cls.objectType())) {
            return ConstantTest.holds(t, null);
        }
        return null;
    }

    /**
     * An EventType test on a kind of event: false when it holds for none of the kind's event types. When it holds
     * for all of them it is left to the target, which may select the kind's events more narrowly (and say so).
     */
    private Boolean sameForEveryType(Test t, String objectType) {
        java.util.List<String> types = universe.eventTypesOf(objectType);
        if (types.isEmpty()) {
            // a kind without known event types: only a test that names event types of other kinds is decided
            boolean namesKnownTypes = !t.negated() && (t.kind() == dev.s1ql.ast.MatchKind.EQUALS
                    || t.kind() == dev.s1ql.ast.MatchKind.IN)
                    && t.operands().stream().allMatch(o -> universe.objectTypeOf(o.text()) != null);
            return namesKnownTypes ? Boolean.FALSE : null;
        }
        for (String et : types) if (ConstantTest.holds(t, et)) return null;
        return false;
    }
}
