// The one rule for whether a text test ignores case, shared by the evaluator and every translation target:
// the operator's own case form (ContainsCIS, In AnyCase, 2.0 :anycase and 2.0 defaults); in S1QL 1.0 an enum
// field, which SentinelOne compares without case (spec §6.3, option enum-case); and a 1.0 RegExp, read as
// case-insensitive by default because SentinelOne's own 1.0 -> 2.0 converter writes it as plain 2.0 `matches`,
// which ignores case (spec §7.4, option regex-case).
package dev.s1ql.ast;

public final class CaseRules {

    private CaseRules() {
    }

    /**
     * @param enumField          the tested field is an enum
     * @param enumCaseInsensitive 1.0 enum fields compare without case (default true)
     * @param regexCaseInsensitive a 1.0 RegExp ignores case (default true)
     */
    public static boolean ignoresCase(Operator op, boolean enumField, Dialect dialect, boolean enumCaseInsensitive,
                                      boolean regexCaseInsensitive) {
        if (op.caseInsensitive()) return true;
        if (dialect != Dialect.S1QL_1) return false;
        if (op.kind() == MatchKind.REGEX) return regexCaseInsensitive;
        return enumField && enumCaseInsensitive && op.kind().isTextual();
    }
}
