// The one place that picks a KQL string operator from what an S1QL predicate tests and whether case matters.
// Case-insensitive forms are the KQL defaults (=~, in~, contains, startswith, endswith); case-sensitive ones
// are ==, in, contains_cs, startswith_cs, endswith_cs. Term operators (has, has_any) are never used: they
// match whole terms, which is not what S1QL's substring operators do.
package dev.s1ql.render.kql;

import dev.s1ql.ast.MatchKind;

public final class KqlOperators {

    private KqlOperators() {
    }

    /**
     * The operator for a textual match.
     *
     * @param kind            EQUALS, IN, CONTAINS, IN_CONTAINS, STARTS_WITH, ENDS_WITH or REGEX
     * @param caseInsensitive whether to ignore case (the operator's CIS/AnyCase form, or an enum field)
     * @param negated         the negated operator (!=, Not In, Does Not Contain)
     */
    public static String pick(MatchKind kind, boolean caseInsensitive, boolean negated) {
        String op = switch (kind) {
            case EQUALS -> caseInsensitive ? "=~" : "==";
            case IN -> caseInsensitive ? "in~" : "in";
            case CONTAINS, IN_CONTAINS -> caseInsensitive ? "contains" : "contains_cs";
            case STARTS_WITH -> caseInsensitive ? "startswith" : "startswith_cs";
            case ENDS_WITH -> caseInsensitive ? "endswith" : "endswith_cs";
            case REGEX -> "matches regex";
            default -> throw new IllegalArgumentException("not a textual match: " + kind);
        };
        if (!negated) return op;
        if (kind == MatchKind.REGEX) throw new IllegalArgumentException("KQL has no negated regex operator");
        if (op.equals("=~")) return "!~";
        if (op.equals("==")) return "!=";
        return "!" + op;
    }
}
