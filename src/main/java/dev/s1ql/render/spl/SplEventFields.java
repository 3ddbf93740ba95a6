// Event fields inside PowerQuery stages (SPL): what a SentinelOne field reads as on the Splunk events the search
// keeps. Profile s1 keeps the S1QL 1.0 names. The mapped profiles look the field up in each kept leg's field sets:
// when every leg has the same Splunk field (and derivation) the value is that field; when the legs differ it is a
// case() over the legs' searchmatch() tests; EventType, ObjectType and EndpointOS are the legs' own constants. A leg
// without the field is an error, as in the search (the stage would read a value the events do not have).
package dev.s1ql.render.spl;

import dev.s1ql.ast.Span;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.translate.core.EventUniverse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

final class SplEventFields {

    /** How a field reads: one Splunk field with its derivation (tests can use search terms), or an expression. */
    sealed interface Reading {
    }

    /** The field {@code target} of every kept event, the SentinelOne value derived from it. */
    record Direct(SplProfile.FieldMapping mapping, String target, SplDerivation derivation) implements Reading {
    }

    /** An eval expression for the value (legs that differ, or a leg constant). */
    record Computed(String expression) implements Reading {
    }

    private final SplProfile profile;
    private final List<SplRenderer.KeptLeg> legs;

    /** @param legs the legs the search keeps; ignored for the identity profile */
    SplEventFields(SplProfile profile, List<SplRenderer.KeptLeg> legs) {
        this.profile = profile;
        this.legs = List.copyOf(legs);
    }

    boolean identity() {
        return profile.identity();
    }

    /**
     * How {@code field} (an S1QL 1.0 name, or an unknown name as written) reads; null after reporting an error to
     * {@code diagnostics}.
     */
    Reading reading(String field, FieldInfo info, Span span, List<Diagnostic> diagnostics) {
        if (profile.identity()) return new Direct(null, field, new SplDerivation.Value());
        if (info == null) {
            diagnostics.add(new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNMAPPED_FIELD, "unknown field '" + field
                    + "' has no counterpart in profile " + profile.name(), span, null));
            return null;
        }
        String constant = constantKind(field);
        if (constant != null) return new Computed(constants(constant));
        Map<String, List<SplRenderer.KeptLeg>> byValue = new LinkedHashMap<>();
        Map<String, SplProfile.FieldMapping> mappings = new LinkedHashMap<>();
        List<SplRenderer.KeptLeg> without = new ArrayList<>();
        for (SplRenderer.KeptLeg leg : legs) {
            SplProfile.FieldMapping m = profile.field(field, leg.fieldSets());
            if (m == null || !m.mapped()) {
                without.add(leg);
                continue;
            }
            if (!m.exact()) {
                diagnostics.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_FIELD, "'" + field + "' is approximated by '"
                        + m.target() + "': " + m.source(), span));
            }
            String value = m.derivation().value(SplLiteral.evalField(m.target()));
            byValue.computeIfAbsent(value, k -> new ArrayList<>()).add(leg);
            mappings.putIfAbsent(value, m);
        }
        if (byValue.isEmpty()) {
            diagnostics.add(new Diagnostic(Severity.ERROR, Code.TRANSLATION_UNMAPPED_FIELD, "'" + field + "' has no "
                    + "counterpart in profile " + profile.name() + " on the events searched (" + labels(without) + ")",
                    span, null));
            return null;
        }
        // a leg whose SentinelOne events carry the field but whose Splunk events do not record it reads it as missing
        List<SplRenderer.KeptLeg> lost = without.stream().filter(l -> l.cls().eventType() == null
                || EventUniverse.defaults().carries(field, EventUniverse.defaults().objectTypeOf(l.cls().eventType())))
                .toList();
        if (!lost.isEmpty()) {
            diagnostics.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_FIELD, "'" + field + "' has no counterpart in "
                    + "profile " + profile.name() + " on " + labels(lost) + ": it reads as missing there", span));
        }
        if (byValue.size() == 1 && without.isEmpty()) {
            SplProfile.FieldMapping m = mappings.values().iterator().next();
            return new Direct(m, m.target(), m.derivation());
        }
        StringBuilder b = new StringBuilder("case(");
        for (Map.Entry<String, List<SplRenderer.KeptLeg>> e : byValue.entrySet()) {
            for (SplRenderer.KeptLeg leg : e.getValue()) b.append(leg.test()).append(", ").append(e.getKey()).append(", ");
        }
        return new Computed(b.append("true(), null())").toString());
    }

    private static String labels(List<SplRenderer.KeptLeg> legs) {
        List<String> l = new ArrayList<>();
        for (SplRenderer.KeptLeg leg : legs) l.add(leg.cls().label());
        return l.size() <= 4 ? String.join(", ", l) : String.join(", ", l.subList(0, 3)) + " and " + (l.size() - 3) + " more";
    }

    /** EventType, ObjectType or EndpointOS (lower-cased), or null. */
    private static String constantKind(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        return f.equals("eventtype") || f.equals("objecttype") || f.equals("endpointos") ? f : null;
    }

    /** A leg constant: case() over the legs' tests (first match wins, as the legs' selectors do not overlap). */
    private String constants(String kind) {
        StringBuilder b = new StringBuilder("case(");
        for (SplRenderer.KeptLeg leg : legs) {
            String v = switch (kind) {
                case "eventtype" -> leg.cls().eventType();
                case "objecttype" -> EventUniverse.defaults().objectTypeOf(leg.cls().eventType());
                default -> leg.cls().os();
            };
            if (v == null) continue;
            b.append(leg.test()).append(", ").append(SplLiteral.quote(v)).append(", ");
        }
        return b.append("true(), null())").toString();
    }
}
