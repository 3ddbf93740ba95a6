// Limits SentinelOne documents for S1QL 2.0 / PowerQuery text that s1ql itself has no trouble with: regex features
// the Data Lake refuses, and the query length its tooling works to (spec §7.2, §7.3; AISIEM syntax-and-operators
// §5, SKILL.md rule 3).
package dev.s1ql.check;

import dev.s1ql.ast.Span;
import dev.s1ql.ast.Value;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;

import java.nio.charset.StandardCharsets;
import java.util.List;

final class Reading2 {
    private Reading2() {
    }

    /** Spec §7.3: "query text ≈ 8 192 characters (SURV comment "current PQ limitation")". */
    static final int QUERY_LIMIT = 8_192;
    /** AISIEM syntax-and-operators §5: "Max regex length: 1,000 bytes". */
    static final int REGEX_LIMIT = 1_000;

    static Diagnostic overLimit(int length, Span at) {
        return Diagnostic.of(Code.QUERY_OVER_PQ_LIMIT, "the query is " + length + " characters long; SentinelOne's "
                + "PowerQuery tooling works to about " + QUERY_LIMIT + " (spec §7.3)", at,
                "split it into several queries, or move long value lists into a lookup table");
    }

    /** Warnings for a `matches` pattern (as the regex engine sees it) that the Data Lake refuses. */
    static void regex(Value pattern, List<Diagnostic> out) {
        String p = pattern.text();
        String problem = problem(p);
        if (problem != null) {
            out.add(Diagnostic.of(Code.REGEX_NOT_IN_2_0, "SentinelOne's Data Lake regexes have no " + problem,
                    pattern.span(), hint(problem)));
        }
        int bytes = p.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > REGEX_LIMIT) {
            out.add(Diagnostic.of(Code.REGEX_NOT_IN_2_0, "the regex is " + bytes + " bytes; SentinelOne's limit is "
                    + REGEX_LIMIT, pattern.span(), "split it into several matches conditions"));
        }
    }

    private static String hint(String problem) {
        if (problem.startsWith("lazy")) return "use a negated class instead: [^\"]* for .*?\" (AISIEM SKILL.md rule 3)";
        if (problem.startsWith("named")) return "use a plain group (...)";
        return "test the condition without it, or with a second condition";
    }

    /** The first unsupported feature of a pattern, or null: outside character classes and escapes. */
    static String problem(String p) {
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') inClass = false;
                continue;
            }
            if (c == '[') {
                inClass = true;
                if (i + 1 < p.length() && p.charAt(i + 1) == ']') i++;
                continue;
            }
            if (c == '(' && p.startsWith("(?", i)) {
                if (p.startsWith("(?=", i) || p.startsWith("(?!", i) || p.startsWith("(?<=", i) || p.startsWith("(?<!", i)) {
                    int n = p.startsWith("(?<", i) ? 4 : 3;
                    return "look-ahead or look-behind ('" + p.substring(i, i + n) + "')";
                }
                if (p.startsWith("(?<", i) || p.startsWith("(?P<", i)) return "named groups ('(?<name>')";
            }
            if (c == '?' && i > 0 && "*+?}".indexOf(p.charAt(i - 1)) >= 0 && !escaped(p, i - 1)) {
                return "lazy quantifiers ('" + p.charAt(i - 1) + "?'): \"Dangling meta character '?'\"";
            }
        }
        return null;
    }

    private static boolean escaped(String p, int i) {
        int n = 0;
        for (int k = i - 1; k >= 0 && p.charAt(k) == '\\'; k--) n++;
        return n % 2 == 1;
    }
}
