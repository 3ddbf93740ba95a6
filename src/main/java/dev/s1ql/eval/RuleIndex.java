// Finds the EventType / ObjectType value a rule requires, so that CandidateIndex can file it by event type.
package dev.s1ql.eval;

import dev.s1ql.ast.NumberText;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule whose top-level AND contains {@code EventType = "Process Creation"} (or {@code In (...)}, or the same on
 * ObjectType) cannot match an event of another type. Generated rule packs (pySigma) nearly always start with
 * such a conjunct, and most telemetry is of types few rules are about.
 */
final class RuleIndex {

    private static final String[] INDEXED_FIELDS = {"EventType", "ObjectType"};

    private RuleIndex() {
    }

    /**
     * The requirement a query's top-level conjunct states on EventType (preferred: more selective) or
     * ObjectType, or null. Only plain {@code =}/{@code In} qualify, and only with non-numeric operands, so that
     * the index is exactly as strict as the predicate it stands for.
     */
    static CompiledQuery.Requirement requirementOf(Expr root, FieldBinder binder, EvalOptions options) {
        List<Expr> conjuncts = root instanceof And a ? a.operands() : List.of(root);
        for (String field : INDEXED_FIELDS) {
            for (Expr e : conjuncts) {
                if (!(e instanceof Predicate p)) continue;
                FieldInfo f = p.field().resolved();
                if (f == null || f.kind() != FieldKind.FIELD || !f.name().equals(field)) continue;
                MatchKind k = p.operator().kind();
                if ((k != MatchKind.EQUALS && k != MatchKind.IN) || p.operator().negated()) continue;
                if (p.values().stream().anyMatch(v -> NumberText.parse(v.text()) != null)) continue;
                boolean folded = p.operator().caseInsensitive() || (f.isEnum() && options.enumCaseInsensitive());
                List<String> values = new ArrayList<>();
                for (Value v : p.values()) values.add(folded ? CaseFold.fold(v.text()) : v.text());
                return new CompiledQuery.Requirement(binder.bind(p.field()).get(0).slot(), folded, values);
            }
        }
        return null;
    }
}
