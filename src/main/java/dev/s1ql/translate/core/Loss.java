// A test a target could not write in one set of events, and what the core did about it: dropped the conjunction
// it sits in (fewer matches), or, for an exclusion directly under the query's top-level AND, left the exclusion
// out (more matches).
package dev.s1ql.translate.core;

import dev.s1ql.diag.Diagnostic;

/**
 * @param test    the test, or null when the whole set of events is missing from the target
 * @param reason  why (an error-severity diagnostic from the target)
 * @param widened true when an exclusion was left out, false when a branch was dropped
 */
public record Loss(Test test, Diagnostic reason, boolean widened) {
}
