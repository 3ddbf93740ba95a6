// The evaluator's answers to the spec's open questions (§11), each a documented default that can be changed.
package dev.s1ql.eval;

/**
 * @param enumCaseInsensitive   Q2/Q4/Q15: enum fields (ObjectType, EventType, EndpointOS, ...) compare without case
 *                              even for {@code =} and {@code In}. Default true: SentinelOne's own translator maps
 *                              enum equality to {@code in:anycase}, and queries write "DNS" for the stored "dns".
 * @param regexCaseInsensitive  Q3: a 1.0 {@code RegExp} ignores case. Default true: SentinelOne's own 1.0 to 2.0
 *                              converter writes RegExp as plain 2.0 {@code matches}, which ignores case, and a missed
 *                              detection costs more than a false positive; {@code --regex-case sensitive} sets false.
 *                              2.0 {@code matches} follows its own modifier whatever this says.
 * @param regexStepBudget       how many character reads one regex evaluation may make before it is abandoned
 *                              (counted as no match and reported), so that {@code (a+)+$} cannot hang a run
 */
public record EvalOptions(boolean enumCaseInsensitive, boolean regexCaseInsensitive, long regexStepBudget) {

    public static final long DEFAULT_REGEX_STEP_BUDGET = 1_000_000;

    public static EvalOptions defaults() {
        return new EvalOptions(true, true, DEFAULT_REGEX_STEP_BUDGET);
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
