// Settings of the semantic checks: strict (STAR rule) mode and the limits that produce warnings.
package dev.s1ql.check;

/**
 * @param strict       STAR/custom-rule mode: newlines and comments are reported (rule bodies cannot hold them)
 * @param maxListSize  values per list before a warning (SentinelOne tooling chunks lists at 100, spec §2.9)
 * @param maxLength    query length in characters before a warning. SentinelOne documents no limit; 10,000 is
 *                     s1ql's default, chosen to flag generated monsters, and can be changed with --max-length
 */
public record CheckOptions(boolean strict, int maxListSize, int maxLength) {

    public static final CheckOptions DEFAULTS = new CheckOptions(false, 100, 10_000);

    public CheckOptions withStrict(boolean s) {
        return new CheckOptions(s, maxListSize, maxLength);
    }

    public CheckOptions withMaxLength(int n) {
        return new CheckOptions(strict, maxListSize, n);
    }
}
