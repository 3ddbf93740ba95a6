// The target-neutral lowering stage, run once per query for every target: folds a PowerQuery's event filters
// into one condition, runs the validator's checks, expands shortcut and legacy fields, decides each predicate's
// case rule and numbers, reads an invalid regex as never matching (as the evaluator does), splits EventType /
// ObjectType / EndpointOS lists into one test per value, and brings the result into negation normal form.
package dev.s1ql.translate.core;

import dev.s1ql.ast.And;
import dev.s1ql.ast.CaseRules;
import dev.s1ql.ast.Dialect;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.ExprVisitor;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.Stage;
import dev.s1ql.catalog.EnumCatalog;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.check.CheckOptions;
import dev.s1ql.check.QueryChecker;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public final class Lowering {

    private final LoweringOptions options;
    private final FieldExpansion expansion = new FieldExpansion(FieldCatalog.defaults());
    private final QueryChecker checker = new QueryChecker(CheckOptions.DEFAULTS);

    public Lowering(LoweringOptions options) {
        this.options = options;
    }

    public Lowered lower(Query query) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Diagnostic d : checker.check(query)) if (!d.isError()) diagnostics.add(d);
        List<Expr> filters = new ArrayList<>();
        if (query.root() != null) filters.add(query.root());
        List<Stage> output = new ArrayList<>();
        for (Stage s : query.pipeline()) {
            // Only the filters before the first other stage select events (a later filter works on its rows), and
            // only filter-language ones (a filter that computes values is a stage the target renders or refuses).
            if (s instanceof Stage.Filter f && f.expr() != null && output.isEmpty()) filters.add(f.expr());
            else output.add(s);
        }
        Reader reader = new Reader(query.dialect(), diagnostics);
        List<Cond> parts = filters.stream().map(e -> e.accept(reader)).toList();
        return new Lowered(query, Cond.and(parts), output, dedupe(diagnostics));
    }

    /**
     * A filter-language condition inside a pipeline stage (a filter after a group, a test in an expression): a name
     * {@code made} accepts is a value an earlier stage made, tested as written and never expanded; other names are
     * event fields as in {@link #lower}. Notes (the RegExp case reading) go to {@code diagnostics}.
     */
    public Cond stageCondition(Expr e, Dialect dialect, java.util.function.Predicate<String> made,
                               List<Diagnostic> diagnostics) {
        Reader reader = new Reader(dialect, diagnostics);
        reader.made = made;
        return e.accept(reader);
    }

    private static List<Diagnostic> dedupe(List<Diagnostic> in) {
        java.util.Map<String, Diagnostic> seen = new java.util.LinkedHashMap<>();
        for (Diagnostic d : in) seen.putIfAbsent(d.code().id() + "\u0000" + d.span().start() + "\u0000" + d.message(), d);
        return List.copyOf(seen.values());
    }

    /** AST to condition, in negation normal form. */
    private final class Reader implements ExprVisitor<Cond> {
        private final Dialect dialect;
        private final List<Diagnostic> diagnostics;
        private java.util.function.Predicate<String> made = n -> false;

        Reader(Dialect dialect, List<Diagnostic> diagnostics) {
            this.dialect = dialect;
            this.diagnostics = diagnostics;
        }

        @Override
        public Cond visitAnd(And and) {
            return Cond.and(and.operands().stream().map(o -> o.accept(this)).toList());
        }

        @Override
        public Cond visitOr(Or or) {
            return Cond.or(or.operands().stream().map(o -> o.accept(this)).toList());
        }

        @Override
        public Cond visitNot(Not not) {
            return Cond.not(not.operand().accept(this));
        }

        @Override
        public Cond visitPredicate(Predicate p) {
            if (p.operator().kind() == MatchKind.REGEX) {
                regexNote(p);
                if (!compiles(p.value().text())) return Cond.FALSE;   // the validator reported it (S2004)
            }
            if (made.test(p.field().written())) {
                boolean ci = CaseRules.ignoresCase(p.operator(), false, dialect, options.enumCaseInsensitive(),
                        options.regexCaseInsensitive());
                return new Cond.Lit(new Test(p.field().written(), null, p.operator().kind(), p.operator().negated(),
                        p.operator().comparison(), p.values().stream().map(Operand::of).toList(), ci, p, null, null),
                        false);
            }
            List<Cond> members = new ArrayList<>();
            for (FieldExpansion.Member m : expansion.expand(p.field())) {
                boolean enumField = m.info() != null && m.info().isEnum();
                boolean ci = CaseRules.ignoresCase(p.operator(), enumField, dialect, options.enumCaseInsensitive(),
                        options.regexCaseInsensitive());
                Test t = new Test(m.name(), m.info(), p.operator().kind(), p.operator().negated(),
                        p.operator().comparison(), p.values().stream().map(Operand::of).toList(), ci, p, m.via(),
                        m.aliasKey());
                if (eventAttribute(t)) caseOnlySpelling(t);
                Cond stamp = options.stampsAsData() ? null : EventStamps.read(t);
                if (stamp != null) members.add(stamp);
                else members.add(eventAttribute(t) ? perValue(corrected(t)) : new Cond.Lit(t, false));
            }
            return Cond.or(members);
        }

        /** Every 1.0 RegExp says which case reading it got (the spec leaves it open; SentinelOne's converter decides). */
        private void regexNote(Predicate p) {
            if (dialect != Dialect.S1QL_1) return;
            String how = options.regexCaseInsensitive()
                    ? "RegExp is read as case-insensitive, as SentinelOne's own 1.0 to 2.0 converter writes it (plain "
                    + "2.0 matches); --regex-case sensitive reads it with case"
                    : "RegExp is read as case-sensitive (--regex-case sensitive); SentinelOne's own converter writes "
                    + "it as case-insensitive 2.0 matches";
            diagnostics.add(Diagnostic.of(Code.REGEX_CASE_READING, how, p.value().span()));
        }

        /**
         * 2.0 compares with case: {@code event.type = 'process creation'} matches no event, which is what the
         * translation says; the user is told why and how SentinelOne writes the value.
         */
        private void caseOnlySpelling(Test t) {
            if (t.ignoreCase() || t.negated() || (t.kind() != MatchKind.EQUALS && t.kind() != MatchKind.IN)) return;
            for (Operand o : t.operands()) {
                String canonical = EnumCatalog.defaults().canonical(t.field(), o.text());
                if (canonical != null && !canonical.equals(o.text())) {
                    diagnostics.add(Diagnostic.of(Code.UNKNOWN_ENUM_VALUE, t.written() + " is compared with case here, "
                            + "so '" + o.text() + "' matches no event: SentinelOne writes '" + canonical + "'", o.span(),
                            "write '" + canonical + "', or compare with in:anycase"));
                }
            }
        }

        /** EventType values that generators misspell (ModuleLoad), read as the official value with a warning. */
        private Test corrected(Test t) {
            if (!options.correctEventTypes() || !t.on("EventType")) return t;
            List<Operand> fixed = new ArrayList<>();
            boolean changed = false;
            for (Operand o : t.operands()) {
                String official = EnumCatalog.defaults().canonical("EventType", o.text()) == null
                        ? EnumCatalog.defaults().correctionFor("EventType", o.text()) : null;
                if (official != null) {
                    diagnostics.add(Diagnostic.of(Code.TRANSLATION_APPROXIMATE_EVENT, "'" + o.text()
                            + "' is not a SentinelOne event type (SentinelOne matches nothing for it); translated as '"
                            + official + "'", o.span()));
                    fixed.add(o.withText(official));
                    changed = true;
                } else {
                    fixed.add(o);
                }
            }
            return changed ? t.withOperands(fixed) : t;
        }
    }

    /** EventType, ObjectType, EndpointOS: every event has them, and targets decide them value by value. */
    private static boolean eventAttribute(Test t) {
        return t.on("EventType") || t.on("ObjectType") || t.on("EndpointOS");
    }

    /**
     * {@code f In (a, b)} as {@code f = a OR f = b}, {@code f Not In (a, b)} as {@code f != a AND f != b} (and the
     * same for In Contains): exact for a field every event has, and it lets a target lose one value, not all.
     */
    private static Cond perValue(Test t) {
        if (t.operands().size() < 2 || !t.kind().takesList()) return new Cond.Lit(t, false);
        MatchKind single = t.kind() == MatchKind.IN ? MatchKind.EQUALS : MatchKind.CONTAINS;
        List<Cond> each = t.operands().stream().map(o -> (Cond) new Cond.Lit(t.single(o, single), false)).toList();
        return t.negated() ? Cond.and(each) : Cond.or(each);
    }

    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
