// The evaluator's answers to the spec's open questions (§11), each a documented default that can be changed.
package dev.s1ql.eval;

/**
 * @param enumCaseInsensitive   Q2/Q4/Q15: enum fields (ObjectType, EventType, EndpointOS, ...) compare without case
 *                              even for {@code =} and {@code In}. Default true: SentinelOne's own translator maps
 *                              enum equality to {@code in:anycase}, and queries write "DNS" for the stored "dns".
 * @param regexCaseInsensitive  Q3: {@code RegExp} ignores case. Default false: authors add {@code (?i)} when they
 *                              want that, which they would not need on a case-insensitive engine.
 * @param regexStepBudget       how many character reads one regex evaluation may make before it is abandoned
 *                              (counted as no match and reported), so that {@code (a+)+$} cannot hang a run
 */
public record EvalOptions(boolean enumCaseInsensitive, boolean regexCaseInsensitive, long regexStepBudget) {

    public static final long DEFAULT_REGEX_STEP_BUDGET = 1_000_000;

    public static EvalOptions defaults() {
        return new EvalOptions(true, false, DEFAULT_REGEX_STEP_BUDGET);
    }

    public EvalOptions withEnumCaseInsensitive(boolean v) {
        return new EvalOptions(v, regexCaseInsensitive, regexStepBudget);
    }

    public EvalOptions withRegexCaseInsensitive(boolean v) {
        return new EvalOptions(enumCaseInsensitive, v, regexStepBudget);
    }

    public EvalOptions withRegexStepBudget(long v) {
        return new EvalOptions(enumCaseInsensitive, regexCaseInsensitive, v);
    }
}
