// Turns a query's AST into a tree of matchers: fields bound to slots, operands folded, regexes compiled, once.
package dev.s1ql.eval;

import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Query;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.events.FieldSelection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One compiler serves a whole rule pack: it owns the field selection and the per-field substring indexes that
 * all queries share. Call {@link #finish()} after the last query and before evaluating.
 */
public final class QueryCompiler {

    /** Stands for an invalid pattern: never matches (RegexLeaf answers false without running it). */
    static final Pattern NEVER = Pattern.compile("(?!)");

    private final EvalOptions baseOptions;
    /** The options for the query being compiled: 2.0 queries never apply the 1.0 enum-case rule. */
    private EvalOptions options;
    private final FieldSelection selection;
    private final FieldBinder binder;
    private final Map<String, SubstringIndex> substringIndexes = new HashMap<>();
    /**
     * The event-type group of the query being compiled (its required EventType/ObjectType values, or "" for
     * none). Substring automata and shared leaves are per group: an event only meets its own group's rules,
     * so an automaton that also held other groups' patterns would report hits nobody asks for.
     */
    private String group = "";
    private final Map<String, Pattern> regexCache = new HashMap<>();
    private final Map<String, Leaf> sharedLeaves = new HashMap<>();
    private boolean finished;
    /** The language of the query being compiled: it decides the case rules the operator does not write out. */
    private dev.s1ql.ast.Dialect dialect = dev.s1ql.ast.Dialect.S1QL_1;

    public QueryCompiler(EvalOptions options) {
        this(options, FieldCatalog.defaults(), new FieldSelection());
    }

    public QueryCompiler(EvalOptions options, FieldCatalog catalog, FieldSelection selection) {
        this.baseOptions = options;
        this.options = options;
        this.selection = selection;
        this.binder = new FieldBinder(catalog, selection);
    }

    public FieldSelection selection() {
        return selection;
    }

    /** Fields derived for events that lack them (meta.event.name, i.scheme); fill after loading each event. */
    DerivedFields derived() {
        return binder.derived();
    }

    public EvalOptions options() {
        return baseOptions;
    }

    public CompiledQuery compile(Query query) {
        if (finished) throw new IllegalStateException("compile after finish");
        // In S1QL 1.0 enum fields ignore case whatever the operator says; 2.0 writes every case rule out.
        options = query.enumFieldsIgnoreCase() ? baseOptions : baseOptions.withEnumCaseInsensitive(false);
        dialect = query.dialect();
        CompiledQuery.Requirement requirement = RuleIndex.requirementOf(query.root(), binder, options);
        group = requirement == null ? "" : requirement.slot() + ":" + requirement.folded() + ":"
                + String.join("\u0000", new java.util.TreeSet<>(requirement.values()));
        List<CompiledQuery.LeafUse> leaves = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Matcher root = compile(query.root(), leaves, diagnostics);
        return new CompiledQuery(query, root, List.copyOf(leaves), List.copyOf(diagnostics), requirement);
    }

    /** Builds the shared automata; no more queries can be compiled afterwards. */
    public void finish() {
        if (finished) return;
        finished = true;
        for (SubstringIndex index : substringIndexes.values()) index.build();
    }

    private Matcher compile(Expr e, List<CompiledQuery.LeafUse> leaves, List<Diagnostic> diagnostics) {
        if (e instanceof And a) return new AllOf(compileAll(a.operands(), leaves, diagnostics));
        if (e instanceof Or o) return anyOf(compileAll(o.operands(), leaves, diagnostics));
        if (e instanceof Not n) return new Negation(compile(n.operand(), leaves, diagnostics));
        Predicate p = (Predicate) e;
        List<FieldBinder.Binding> bindings = binder.bind(p.field());
        Matcher[] perField = new Matcher[bindings.size()];
        for (int i = 0; i < perField.length; i++) {
            Leaf leaf = sharedLeaf(p, bindings.get(i), diagnostics);
            leaves.add(new CompiledQuery.LeafUse(p, bindings.get(i).name(), leaf));
            perField[i] = leaf;
        }
        return perField.length == 1 ? perField[0] : new AnyOf(perField);
    }

    /**
     * An OR, with each run of adjacent contains/starts/ends operands on one index merged into an
     * {@link AnySubstring}. Only adjacent ones: the other operands keep their order and are evaluated exactly
     * when they were before (a regex's step budget reports count its evaluations).
     */
    private static Matcher anyOf(Matcher[] operands) {
        List<Matcher> out = new ArrayList<>();
        int i = 0;
        while (i < operands.length) {
            int j = i + 1;
            if (AnySubstring.mergeable(operands[i])) {
                SubstringIndex index = ((SubstringLeaf) operands[i]).index;
                while (j < operands.length && AnySubstring.mergeable(operands[j])
                        && ((SubstringLeaf) operands[j]).index == index) j++;
            }
            if (j - i > 1) {
                SubstringLeaf[] run = new SubstringLeaf[j - i];
                for (int k = i; k < j; k++) run[k - i] = (SubstringLeaf) operands[k];
                out.add(new AnySubstring(run));
            } else {
                out.add(operands[i]);
            }
            i = j;
        }
        return out.size() == 1 ? out.get(0) : new AnyOf(out.toArray(new Matcher[0]));
    }

    private Matcher[] compileAll(List<Expr> operands, List<CompiledQuery.LeafUse> leaves,
                                 List<Diagnostic> diagnostics) {
        Matcher[] out = new Matcher[operands.size()];
        for (int i = 0; i < out.length; i++) out[i] = compile(operands.get(i), leaves, diagnostics);
        return out;
    }

    /** One leaf per distinct test (operator semantics, field, operands), shared across all queries. */
    private Leaf sharedLeaf(Predicate p, FieldBinder.Binding b, List<Diagnostic> diagnostics) {
        boolean ignoreCase = dev.s1ql.ast.CaseRules.ignoresCase(p.operator(), b.isEnum(), dialect,
                options.enumCaseInsensitive(), options.regexCaseInsensitive());
        StringBuilder key = new StringBuilder(group).append('|').append(p.operator().kind()).append('|').append(p.operator().negated())
                .append('|').append(ignoreCase).append('|').append(p.operator().comparison()).append('|')
                .append(b.slot());
        for (var v : p.values()) key.append('\u0000').append(v.getClass().getSimpleName()).append(':').append(v.text());
        Leaf existing = sharedLeaves.get(key.toString());
        if (existing != null) {
            // The regex diagnostics belong to each query that uses the pattern.
            if (p.operator().kind() == MatchKind.REGEX) regex(p, ignoreCase, diagnostics);
            return existing;
        }
        Leaf leaf = leaf(p, b, ignoreCase, diagnostics);
        sharedLeaves.put(key.toString(), leaf);
        return leaf;
    }

    private Leaf leaf(Predicate p, FieldBinder.Binding b, boolean ignoreCase, List<Diagnostic> diagnostics) {
        MatchKind kind = p.operator().kind();
        return switch (kind) {
            case EQUALS, IN -> new EqualsLeaf(p, b.name(), b.slot(), ignoreCase);
            case CONTAINS, IN_CONTAINS, STARTS_WITH, ENDS_WITH ->
                    new SubstringLeaf(p, b.name(), b.slot(), substringIndex(b.slot(), ignoreCase));
            case REGEX -> new RegexLeaf(p, b.name(), b.slot(), regex(p, ignoreCase, diagnostics), options.regexStepBudget());
            case EXISTS, EMPTY -> new PresenceLeaf(p, b.name(), b.slot());
            case BOOL -> new BoolLeaf(p, b.name(), b.slot());
            case RANGE, COMPARE -> new CompareLeaf(p, b.name(), b.slot());
        };
    }

    private SubstringIndex substringIndex(int slot, boolean ignoreCase) {
        String key = group + '|' + slot + '|' + ignoreCase;
        return substringIndexes.computeIfAbsent(key, k -> new SubstringIndex(slot, ignoreCase));
    }

    /** The compiled pattern; an invalid one is reported and replaced by a pattern that never matches. */
    private Pattern regex(Predicate p, boolean ignoreCase, List<Diagnostic> diagnostics) {
        String raw = p.value().text();
        String cacheKey = (ignoreCase ? "i:" : "s:") + raw;
        Pattern cached = regexCache.get(cacheKey);
        if (cached != null && cached != NEVER) return cached;
        Pattern compiled;
        try {
            int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            compiled = Pattern.compile(raw, flags);
        } catch (PatternSyntaxException e) {
            diagnostics.add(Diagnostic.of(Code.INVALID_REGEX, "invalid regular expression, the predicate never matches: "
                    + e.getDescription(), p.value().span()));
            compiled = NEVER;
        }
        regexCache.put(cacheKey, compiled);
        return compiled;
    }
}
