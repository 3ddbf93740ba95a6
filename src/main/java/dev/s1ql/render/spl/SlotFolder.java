// Specialises a query to one kind of SentinelOne event: predicates on EventType, ObjectType and EndpointOS,
// and predicates on fields that kind of event does not carry, become constants; AND/OR/NOT are simplified.
// What remains (the residual) is what the target must test on its events of that kind.
package dev.s1ql.render.spl;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.EnumCatalog;
import dev.s1ql.diag.Code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

final class SlotFolder {

    /** A folded expression: a constant ({@code expr == null}) or a residual expression. */
    record Folded(Expr expr, boolean value) {
        static final Folded TRUE = new Folded(null, true);
        static final Folded FALSE = new Folded(null, false);

        boolean isFalse() {
            return expr == null && !value;
        }
    }

    private final S1EventUniverse universe;
    private final Diagnostics diags;

    SlotFolder(S1EventUniverse universe, Diagnostics diags) {
        this.universe = universe;
        this.diags = diags;
    }

    Folded fold(Expr e, S1EventUniverse.Slot slot) {
        if (e instanceof Predicate p) return predicate(p, slot);
        if (e instanceof Not n) {
            Folded f = fold(n.operand(), slot);
            return f.expr() == null ? (f.value() ? Folded.FALSE : Folded.TRUE) : new Folded(new Not(f.expr(), n.span()), false);
        }
        boolean isAnd = e instanceof And;
        List<Expr> operands = isAnd ? ((And) e).operands() : ((Or) e).operands();
        List<Expr> kept = new ArrayList<>();
        for (Expr o : operands) {
            Folded f = fold(o, slot);
            if (f.expr() == null) {
                if (f.value() != isAnd) return f; // false in an AND, true in an OR decides it
            } else {
                kept.add(f.expr());
            }
        }
        if (kept.isEmpty()) return isAnd ? Folded.TRUE : Folded.FALSE;
        if (kept.size() == 1) return new Folded(kept.get(0), false);
        if (kept.equals(operands)) return new Folded(e, false);
        return new Folded(isAnd ? new And(kept, e.span()) : new Or(kept, e.span()), false);
    }

    private Folded predicate(Predicate p, S1EventUniverse.Slot slot) {
        String field = p.field().canonicalName();
        String actual = switch (field.toLowerCase(Locale.ROOT)) {
            case "eventtype" -> slot.eventType();
            case "objecttype" -> slot.objectType();
            case "endpointos" -> slot.os();
            default -> "";
        };
        if (actual.isEmpty()) {
            if (universe.carries(field, slot.objectType())) return new Folded(p, false);
            actual = null; // the event does not carry the field
        }
        Boolean v = evaluate(p, actual);
        return v == null ? new Folded(p, false) : (v ? Folded.TRUE : Folded.FALSE);
    }

    /** The predicate's value on an event whose field holds {@code actual} (null = missing), or null if unknown. */
    private Boolean evaluate(Predicate p, String actual) {
        MatchKind kind = p.operator().kind();
        boolean neg = p.operator().negated();
        if (kind == MatchKind.EXISTS) return actual != null;
        if (kind == MatchKind.EMPTY) return neg == (actual != null && !actual.isEmpty());
        if (actual == null) return false;
        String a = actual.replace('_', ' ').toLowerCase(Locale.ROOT);
        boolean any = false;
        for (Value v : p.values()) {
            String w = official(p, v).replace('_', ' ').toLowerCase(Locale.ROOT);
            Boolean hit = switch (kind) {
                case EQUALS, IN -> a.equals(w);
                case CONTAINS, IN_CONTAINS -> a.contains(w);
                case STARTS_WITH -> a.startsWith(w);
                case ENDS_WITH -> a.endsWith(w);
                case REGEX -> regexFind(v.text(), actual);
                default -> null;
            };
            if (hit == null) return null;
            any |= hit;
        }
        return neg != any;
    }

    /** The official spelling of a known misspelt enum value (PSB1's ModuleLoad, File Delete), with a warning. */
    private String official(Predicate p, Value v) {
        String fixed = EnumCatalog.defaults().correctionFor(p.field().canonicalName(), v.text());
        if (fixed == null) return v.text();
        diags.warn(Code.TRANSLATION_VALUE_TRANSFORMED, "'" + v.text() + "' is not an official "
                + p.field().canonicalName() + " value; it is read as '" + fixed + "'", v.span());
        return fixed;
    }

    private static Boolean regexFind(String pattern, String actual) {
        try {
            return Pattern.compile(pattern).matcher(actual).find();
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
