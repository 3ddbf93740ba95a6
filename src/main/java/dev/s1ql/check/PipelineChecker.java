// Checks a PowerQuery's stages: names against the scope each stage runs in (PipelineScope), functions against
// PowerQuery's (PqFunctions: unknown, missing such as percentile, arguments, aggregates where they belong), the
// documented ordering and size rules of stages, and the filter-language checks of QueryChecker inside stages.
package dev.s1ql.check;

import dev.s1ql.ast.Expr;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.And;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.PipelineScope;
import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.Stage;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.PqFunctions;
import dev.s1ql.catalog.Suggestions;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;

final class PipelineChecker {

    /** At most this many subqueries in one join or union (commands-reference.md §9, §10). */
    static final int MAX_SUBQUERIES = 10;

    private final QueryChecker filters;
    private final PqFunctions functions = PqFunctions.defaults();

    PipelineChecker(QueryChecker filters) {
        this.filters = filters;
    }

    List<Diagnostic> check(Query q) {
        List<Diagnostic> out = new ArrayList<>();
        List<PipelineScope> scopes = PipelineScope.of(q);
        List<Stage> stages = q.pipeline();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            PipelineScope scope = scopes.get(i);
            if (s instanceof Stage.Other o) {
                other(o, i == stages.size() - 1, out);
                continue;
            }
            if (s instanceof Stage.Filter f) value(f.condition(), scope, Place.FILTER, out);
            else if (s instanceof Stage.Let l) {
                for (Stage.Named n : l.assignments()) {
                    if (scope.madeName(n.name()) && scope.kind() != PipelineScope.Kind.UNKNOWN) {
                        out.add(Diagnostic.of(Code.NAME_REDEFINED, "let cannot give '" + n.name() + "' a new value: an "
                                + "earlier stage made it", n.value().span(), "choose another name"));
                    }
                    value(n.value(), scope, Place.ROW, out);
                }
            } else if (s instanceof Stage.Columns c) {
                for (Stage.Named n : c.columns()) value(n.value(), scope, Place.ROW, out);
            } else if (s instanceof Stage.Sort so) {
                for (Stage.SortKey k : so.keys()) value(k.value(), scope, Place.ROW, out);
            } else if (s instanceof Stage.Group g) {
                for (Stage.Named n : g.aggregates()) value(n.value(), scope, Place.AGGREGATE, out);
                for (Stage.Named n : g.by()) value(n.value(), scope, Place.KEY, out);
            } else if (s instanceof Stage.Top t) {
                value(t.aggregate().value(), scope, Place.AGGREGATE, out);
                for (Stage.Named n : t.by()) value(n.value(), scope, Place.KEY, out);
            }
        }
        return out;
    }

    /** Where an expression stands: it decides which functions may appear. */
    private enum Place { FILTER, ROW, AGGREGATE, KEY }

    /** transpose / compare last; join / union subquery counts. */
    private static void other(Stage.Other o, boolean last, List<Diagnostic> out) {
        String name = o.name();
        if ((name.equals("transpose") || name.equals("compare")) && !last) {
            out.add(Diagnostic.of(Code.STAGE_NOT_LAST, "'" + name + "' must be the last stage of a PowerQuery", o.span(),
                    "move the stages after it before it (commands-reference §11, §12)"));
        }
        boolean join = name.equals("join") || name.equals("inner") || name.equals("left") || name.equals("outer")
                || name.equals("sql");
        if (join || name.equals("union")) {
            int n = topLevelGroups(o.text());
            boolean sql = name.equals("sql");
            if (n > MAX_SUBQUERIES || (sql && n > 2)) {
                out.add(Diagnostic.of(Code.TOO_MANY_SUBQUERIES, "this " + (join ? "join" : "union") + " has " + n
                        + " subqueries; " + (sql ? "sql joins take exactly 2" : "PowerQuery takes at most " + MAX_SUBQUERIES),
                        o.span(), join ? "join in several steps" : "nest unions of at most 10 (commands-reference §10)"));
            }
        }
    }

    /** The number of parenthesised groups at the top level of a stage's text. */
    static int topLevelGroups(String text) {
        int depth = 0;
        int groups = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') quote = c;
            else if (c == '(' && depth++ == 0) groups++;
            else if (c == ')') depth--;
        }
        return groups;
    }

    /** Every name and function of one stage expression. */
    private void value(PqExpr e, PipelineScope scope, Place place, List<Diagnostic> out) {
        boolean names = PqExpr.nodes(e).stream().anyMatch(n -> n instanceof PqExpr.Name || n instanceof PqExpr.Test);
        if (place == Place.AGGREGATE && aggregateCalls(e).isEmpty() && unknownCalls(e).isEmpty() && !names
                && !(e instanceof PqExpr.Literal)) {
            out.add(Diagnostic.of(Code.FUNCTION_MISUSE, "a group value needs an aggregate (count(), sum(x), ...)",
                    e.span(), "aggregate it, or add it to the by keys"));
        }
        walk(e, scope, place, false, out);
    }

    /**
     * @param inAggregate whether {@code e} is an argument of an aggregate (names there are row names; outside an
     *                    aggregate in a group value they are not allowed)
     */
    private void walk(PqExpr e, PipelineScope scope, Place place, boolean inAggregate, List<Diagnostic> out) {
        if (e instanceof PqExpr.Name n) {
            if (place == Place.AGGREGATE && !inAggregate) {
                out.add(Diagnostic.of(Code.FUNCTION_MISUSE, "'" + n.field().written() + "' is not aggregated: a group "
                        + "value can use a name only inside an aggregate", n.span(), "any(" + n.field().written()
                        + ") keeps one value per group; or group by it"));
                return;
            }
            name(n.field(), scope, out);
            return;
        }
        if (e instanceof PqExpr.Test t) {
            if (place == Place.AGGREGATE && !inAggregate) {
                out.add(Diagnostic.of(Code.FUNCTION_MISUSE, "a condition is not aggregated: a group value can test "
                        + "rows only inside an aggregate", t.span(), "count(condition) counts the rows where it holds"));
                return;
            }
            presenceInValue(t.expr(), place, out);
            filters.walk(t.expr(), out, scope);
            return;
        }
        if (e instanceof PqExpr.Match m) {
            walk(m.subject(), scope, place, inAggregate, out);
            if (m.operator().kind() == MatchKind.REGEX && filters.reading2()) {
                m.values().forEach(v -> Reading2.regex(v, out));
            }
            return;
        }
        if (e instanceof PqExpr.Call c) {
            call(c, place, inAggregate, out);
            // an unknown function's arguments are taken as an aggregate's: it is reported once, as unknown
            boolean aggregate = functions.isAggregate(c.name(), c.args().size()) || functions.lookup(c.name()) == null;
            for (PqExpr a : c.args()) walk(a, scope, place, inAggregate || aggregate, out);
            if (c.where() != null) walk(c.where(), scope, place, inAggregate || aggregate, out);
            return;
        }
        if (e instanceof PqExpr.Unary u) walk(u.operand(), scope, place, inAggregate, out);
        else if (e instanceof PqExpr.Binary b) {
            walk(b.left(), scope, place, inAggregate, out);
            walk(b.right(), scope, place, inAggregate, out);
        } else if (e instanceof PqExpr.Conditional c) {
            walk(c.condition(), scope, place, inAggregate, out);
            walk(c.then(), scope, place, inAggregate, out);
            walk(c.otherwise(), scope, place, inAggregate, out);
        }
    }

    /** `x = *` is a filter operator: as a value (count(x = *), let y = x = *) SentinelOne does not understand it. */
    private static void presenceInValue(Expr e, Place place, List<Diagnostic> out) {
        if (place == Place.FILTER) return;
        for (Predicate p : predicates(e)) {
            if (p.operator().kind() == MatchKind.EXISTS) {
                out.add(Diagnostic.of(Code.PRESENCE_AS_VALUE, "'" + p.field().written() + " = *' is a filter "
                        + "operator, not a value (SentinelOne: \"Don't understand [*]\")", p.span(),
                        "write " + p.field().written() + " != null"));
            }
        }
    }

    private static List<Predicate> predicates(Expr e) {
        List<Predicate> out = new ArrayList<>();
        if (e instanceof And a) a.operands().forEach(x -> out.addAll(predicates(x)));
        else if (e instanceof Or o) o.operands().forEach(x -> out.addAll(predicates(x)));
        else if (e instanceof Not n) out.addAll(predicates(n.operand()));
        else out.add((Predicate) e);
        return out;
    }

    private void name(FieldRef f, PipelineScope scope, List<Diagnostic> out) {
        if (scope.kind() == PipelineScope.Kind.UNKNOWN || scope.madeName(f.written())) return;
        if (scope.kind() == PipelineScope.Kind.CLOSED) {
            out.add(unknownName(f, scope));
            return;
        }
        if (f.resolved() == null) {
            List<String> close = FieldCatalog.defaults().suggestS1ql2(f.written(), 3);
            List<String> made = Suggestions.closest(f.written(), scope.names(), 1);
            List<String> all = new ArrayList<>(made);
            all.addAll(close);
            out.add(Diagnostic.of(Code.UNKNOWN_FIELD, "unknown field '" + f.written() + "'", f.span(),
                    all.isEmpty() ? null : "did you mean " + quoteList(all.stream().distinct().limit(3).toList()) + "?"));
        }
    }

    /** A name that does not exist after columns / group / top, with the names that do. */
    static Diagnostic unknownName(FieldRef f, PipelineScope scope) {
        List<String> close = Suggestions.closest(f.written(), scope.names(), 1);
        Span at = scope.madeBy();
        String where = at.isKnown() ? " (made at " + at.line() + ":" + at.column() + ")" : "";
        return Diagnostic.of(Code.UNKNOWN_NAME, "no '" + f.written() + "' here: after columns, group or top only their "
                + "names exist" + where, f.span(), close.isEmpty() ? "the names are: " + String.join(", ", scope.names())
                : "did you mean '" + close.get(0) + "'?");
    }

    private void call(PqExpr.Call c, Place place, boolean inAggregate, List<Diagnostic> out) {
        PqFunctions.Function f = functions.lookup(c.name());
        if (f == null) {
            PqFunctions.Missing m = functions.missing(c.name());
            if (m != null) {
                out.add(Diagnostic.of(Code.UNKNOWN_FUNCTION, "PowerQuery has no function '" + c.function() + "'",
                        c.span(), "write " + m.instead()));
            } else {
                List<String> close = functions.suggest(c.function(), 1);
                out.add(Diagnostic.of(Code.UNKNOWN_FUNCTION, "unknown function '" + c.function() + "'", c.span(),
                        close.isEmpty() ? "functions-reference.md lists PowerQuery's functions"
                                : "did you mean '" + close.get(0) + "'?"));
            }
            return;
        }
        int n = c.args().size();
        if (!f.takes(n)) {
            String expected = f.minArgs() == f.maxArgs() ? String.valueOf(f.minArgs())
                    : f.maxArgs() < 0 ? "at least " + f.minArgs() : f.minArgs() + " to " + f.maxArgs();
            out.add(Diagnostic.of(Code.FUNCTION_MISUSE, c.function() + "() takes " + expected + " argument"
                    + (expected.equals("1") ? "" : "s") + ", not " + n, c.span(), null));
            return;
        }
        boolean aggregate = functions.isAggregate(c.name(), n);
        if (aggregate && (place != Place.AGGREGATE || inAggregate)) {
            out.add(Diagnostic.of(Code.FUNCTION_MISUSE, c.function() + "() is an aggregate: it belongs in group or top"
                    + (inAggregate ? ", not inside another aggregate" : ""), c.span(),
                    place == Place.AGGREGATE ? null : "group it: | group " + c.function() + "(...) by ..."));
        }
        if (f.kind() == PqFunctions.Kind.OVERALL && (place == Place.AGGREGATE || place == Place.KEY)) {
            out.add(Diagnostic.of(Code.FUNCTION_MISUSE, c.function() + "() works over the rows of the result: use it "
                    + "in a let or columns after the group", c.span(), null));
        }
        if (c.where() != null && !aggregate) {
            out.add(Diagnostic.of(Code.FUNCTION_MISUSE, "'where' belongs to an aggregate's argument, not to "
                    + c.function() + "()", c.where().span(), null));
        }
        if (c.name().equals("first") || c.name().equals("last")) {
            out.add(Diagnostic.of(Code.UNRELIABLE_FUNCTION, c.function() + "() fails on many SentinelOne tenants "
                    + "(AISIEM pitfalls)", c.span(), "write " + (c.name().equals("first") ? "min_by" : "max_by")
                    + "(x, timestamp)"));
        }
    }

    private List<PqExpr.Call> unknownCalls(PqExpr e) {
        return PqExpr.nodes(e).stream().filter(x -> x instanceof PqExpr.Call c && functions.lookup(c.name()) == null)
                .map(x -> (PqExpr.Call) x).toList();
    }

    private List<PqExpr.Call> aggregateCalls(PqExpr e) {
        return PqExpr.nodes(e).stream().filter(x -> x instanceof PqExpr.Call c
                && functions.isAggregate(c.name(), c.args().size())).map(x -> (PqExpr.Call) x).toList();
    }

    private static String quoteList(List<String> names) {
        List<String> q = names.stream().map(n -> "'" + n + "'").toList();
        return q.size() == 1 ? q.get(0) : String.join(", ", q.subList(0, q.size() - 1)) + " or " + q.get(q.size() - 1);
    }
}
