// One query compiled against a field selection: its matcher, its leaves (for --explain) and what it found.
package dev.s1ql.eval;

import dev.s1ql.ast.Query;
import dev.s1ql.diag.Diagnostic;
import java.util.List;

/**
 * @param query       the parsed query
 * @param root        the compiled predicate
 * @param leaves      every predicate with the leaf that tests it (leaves are shared between queries), in
 *                    query order, for explanations and regex reports
 * @param diagnostics problems found while compiling (an invalid regex compiles to "never matches")
 * @param requirement the enum value the query needs in a conjunct at its top, or null (see {@link RuleIndex})
 */
public record CompiledQuery(Query query, Matcher root, List<LeafUse> leaves, List<Diagnostic> diagnostics,
                            Requirement requirement) {

    /** A predicate of this query, the concrete field it reads (one per member for shortcuts), and its test. */
    public record LeafUse(dev.s1ql.ast.Predicate predicate, String field, Leaf leaf) {
    }

    /** The query holds only if field {@code slot}'s (folded when {@code folded}) value is one of {@code values}. */
    public record Requirement(int slot, boolean folded, List<String> values) {
    }

    public boolean test(EventView event) {
        return root.test(event);
    }
}
