// PowerQuery stages as SPL commands after the search (docs/spl.md, "Pipelines"): filter -> where, let -> eval,
// columns -> eval + table, group -> stats ... by (eval before it for computed keys and arguments, after it for
// aggregate arithmetic), sort -> sort 0, limit -> head, top -> stats + sort + head + streamstats for the rank,
// percent_of_total -> eventstats. Names the stages make are Splunk fields under their PowerQuery names, so the
// results carry the columns PowerQuery shows. What SPL cannot say is an error naming the stage or function (S3100,
// S3101); what it approximates a warning (S3102).
package dev.s1ql.render.spl;

import dev.s1ql.ast.Dialect;
import dev.s1ql.ast.NumberValue;
import dev.s1ql.ast.PipelineScope;
import dev.s1ql.ast.PqExpr;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.Stage;
import dev.s1ql.catalog.PqFunctions;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.render.spl.SplPipelineExpr.Made;
import dev.s1ql.render.spl.SplPipelineExpr.Spl;
import dev.s1ql.render.spl.SplPipelineExpr.Type;
import dev.s1ql.translate.core.LoweringOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

final class SplPipeline {

    private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern COMMAND_FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final SplPipelineExpr x;
    private final List<String> commands = new ArrayList<>();

    /** The names made so far, in output order. */
    private final LinkedHashMap<String, Made> made = new LinkedHashMap<>();
    /** Whether the rows are (still) events, whose fields stages can read. */
    private boolean events = true;
    /** Whether a sort (or a group, ordered by its keys) fixed the row order. */
    private boolean ordered;

    SplPipeline(SplProfile profile, List<SplRenderer.KeptLeg> legs, Dialect dialect, LoweringOptions readings) {
        this.x = new SplPipelineExpr(new SplEventFields(profile, legs), dialect, readings, diagnostics);
        if (!profile.identity()) x.prefixes = profile::prefixes;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The commands after the search ({@code | where ... | stats ...}), or null when an error was reported. */
    String write(List<Stage> stages) {
        for (Stage st : stages) {
            if (!stage(st)) return null;
            if (diagnostics.stream().anyMatch(Diagnostic::isError)) return null;
        }
        StringBuilder b = new StringBuilder();
        for (String c : commands) b.append(" | ").append(c);
        return b.toString();
    }

    private final SplPipelineExpr.Names names = new SplPipelineExpr.Names() {
        @Override
        public Made made(String written) {
            String name = new PipelineScope(PipelineScope.Kind.CLOSED, List.copyOf(made.keySet()), Span.NONE).find(written);
            return name == null ? null : made.get(name);
        }

        @Override
        public boolean eventsReadable() {
            return events;
        }
    };

    private boolean stage(Stage st) {
        if (st instanceof Stage.Filter f) {
            String c = SplPipelineExpr.truthy(x.write(f.condition(), names));
            withTemps(List.of("where " + c));
            return true;
        }
        if (st instanceof Stage.Let l) {
            List<String> overall = overall(l.assignments());
            List<String> assignments = new ArrayList<>();
            for (Stage.Named n : l.assignments()) {
                Spl v = SplPipelineExpr.stored(x.write(n.value(), names));
                assignments.addAll(x.takePending());
                String name = existing(n.name());
                assignments.add(assign(name, v));
                made.put(name, new Made(name, v.type()));
            }
            List<String> temps = new ArrayList<>(x.takeTemps());
            temps.addAll(overall);
            x.forget();
            commands.add("eval " + String.join(", ", assignments));
            if (!temps.isEmpty()) commands.add("fields - " + String.join(", ", temps));
            return true;
        }
        if (st instanceof Stage.Columns c) return columns(c);
        if (st instanceof Stage.Sort so) return sort(so);
        if (st instanceof Stage.Limit l) {
            if (l.count() >= 0) commands.add("head " + l.count());
            return true;
        }
        if (st instanceof Stage.Group g) return group(g.aggregates(), g.by(), null, st);
        if (st instanceof Stage.Top t) return group(List.of(t.aggregate()), t.by(), t, st);
        Stage.Other o = (Stage.Other) st;
        diagnostics.add(Diagnostic.of(Code.PIPELINE_STAGE_NOT_TRANSLATED, "the '" + o.command() + "' stage has no SPL "
                + "translation", o.span(), "run the query without it, or with s1ql eval"));
        return false;
    }

    /**
     * The values of percent_of_total(x) in {@code values}: x over every row (eventstats sum), made known to the
     * expression writer; returns the helper fields to drop after the stage.
     */
    private List<String> overall(List<Stage.Named> values) {
        List<String> helpers = new ArrayList<>();
        for (Stage.Named n : values) {
            for (PqExpr e : PqExpr.nodes(n.value())) {
                if (!(e instanceof PqExpr.Call c) || !c.name().equals("percent_of_total") || c.args().size() != 1) continue;
                Spl arg = x.write(c.args().get(0), names);
                List<String> assignments = new ArrayList<>(x.takePending());
                String v = arg.type() == Type.NUMBER ? plainField(arg) : null;
                if (v == null) {
                    v = x.fresh("p");
                    assignments.add(field(v) + "=" + SplPipelineExpr.number(arg));
                    helpers.add(v);
                }
                String total = x.fresh("q");
                if (!assignments.isEmpty()) commands.add("eval " + String.join(", ", assignments));
                commands.add("eventstats sum(" + field(v) + ") AS " + total);
                helpers.add(total);
                v = SplLiteral.evalField(v);
                helpers.addAll(x.takeTemps());
                x.know(c, new Spl("if(" + total + "==0, null(), " + v + " * 100 / " + total + ")", Type.NUMBER));
            }
        }
        return helpers;
    }

    /** A made name written again (let a = ..., later let A = ...) keeps the spelling it was made with. */
    private String existing(String name) {
        Made m = names.made(name);
        return m != null && made.containsKey(m.field()) ? m.field() : name;
    }

    /** The commands, preceded by the eval of the temporary fields they read and followed by dropping them. */
    private void withTemps(List<String> body) {
        List<String> pending = x.takePending();
        List<String> temps = x.takeTemps();
        if (!pending.isEmpty()) commands.add("eval " + String.join(", ", pending));
        commands.addAll(body);
        if (!temps.isEmpty()) commands.add("fields - " + String.join(", ", temps));
    }

    /** {@code field=expression}; the destination is bare when plain (dots allowed), else double-quoted. */
    private static String assign(String name, Spl v) {
        return field(name) + "=" + v.text();
    }

    /** A field name in a command's field list (table, sort, by, rename): bare when plain, else double-quoted. */
    static String field(String name) {
        return COMMAND_FIELD.matcher(name).matches() ? name : SplLiteral.quote(name);
    }

    /** The field an eval expression reads when it is just a field, or null. */
    private static String plainField(Spl v) {
        String t = v.text();
        if (BARE.matcher(t).matches() && !t.endsWith(")")) return t;
        if (t.length() > 2 && t.startsWith("'") && t.endsWith("'") && t.indexOf('\'', 1) == t.length() - 1) {
            return t.substring(1, t.length() - 1);
        }
        return null;
    }

    // ------------------------------------------------------------------ columns

    private boolean columns(Stage.Columns c) {
        overall(c.columns());   // its helper fields are dropped by the table command
        List<String> names = new ArrayList<>();
        List<Spl> values = new ArrayList<>();
        for (Stage.Named n : c.columns()) {
            names.add(n.name());
            values.add(SplPipelineExpr.stored(x.write(n.value(), this.names)));
        }
        List<String> pending = x.takePending();
        List<String> temps = x.takeTemps();
        x.forget();
        // eval assigns in order: when a column reads a name an earlier column assigns, every column goes through a
        // temporary field first
        boolean clash = false;
        for (int i = 0; i < names.size() && !clash; i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (reads(values.get(j).text(), names.get(i)) && !names.get(i).equals(plainField(values.get(i)))) {
                    clash = true;
                    break;
                }
            }
        }
        List<String> assignments = new ArrayList<>(pending);
        List<String> table = new ArrayList<>();
        List<String> renames = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Spl v = values.get(i);
            if (name.equals(plainField(v))) {
                table.add(field(name));
                continue;
            }
            String target = clash ? x.fresh("c") : name;
            assignments.add(assign(target, v));
            table.add(field(target));
            if (clash) renames.add(field(target) + " AS " + field(name));
        }
        if (!assignments.isEmpty()) commands.add("eval " + String.join(", ", assignments));
        commands.add("table " + String.join(", ", table));
        if (!renames.isEmpty()) commands.add("rename " + String.join(", ", renames));
        made.clear();
        for (int i = 0; i < names.size(); i++) made.put(names.get(i), new Made(names.get(i), values.get(i).type()));
        events = false;
        if (!temps.isEmpty()) commands.add("fields - " + String.join(", ", temps));
        return true;
    }

    /** Whether an eval expression reads the field {@code name}. */
    private static boolean reads(String expression, String name) {
        String ref = SplLiteral.evalField(name);
        if (ref.startsWith("'")) return expression.contains(ref);
        return Pattern.compile("(?<![A-Za-z0-9_.'\"])" + Pattern.quote(ref) + "(?![A-Za-z0-9_(])").matcher(expression).find();
    }

    // ------------------------------------------------------------------ sort

    private boolean sort(Stage.Sort so) {
        List<String> items = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        for (Stage.SortKey k : so.keys()) {
            Spl v = SplPipelineExpr.stored(x.write(k.value(), names));
            assignments.addAll(x.takePending());
            String f = plainField(v);
            if (f == null) {
                f = x.fresh("s");
                assignments.add(assign(f, v));
                x.takeTemps();
                tempsOfSort.add(f);
            }
            items.add((k.descending() ? "-" : "+") + field(f));
        }
        List<String> temps = new ArrayList<>(x.takeTemps());
        temps.addAll(tempsOfSort);
        tempsOfSort.clear();
        if (!assignments.isEmpty()) commands.add("eval " + String.join(", ", assignments));
        commands.add("sort 0 " + String.join(", ", items));
        if (!temps.isEmpty()) commands.add("fields - " + String.join(", ", temps));
        ordered = true;
        return true;
    }

    private final List<String> tempsOfSort = new ArrayList<>();

    // ------------------------------------------------------------------ group and top

    /** One aggregation of a stats command: its SPL (without AS), the type of its result, an eval after stats. */
    private record Aggregation(String spl, Type type, String after) {
    }

    private boolean group(List<Stage.Named> aggregates, List<Stage.Named> by, Stage.Top top, Stage st) {
        List<String> before = new ArrayList<>();
        List<String> byFields = new ArrayList<>();
        List<String> renames = new ArrayList<>();
        LinkedHashMap<String, Made> out = new LinkedHashMap<>();
        for (Stage.Named k : by) {
            Spl v = SplPipelineExpr.stored(x.write(k.value(), names));
            before.addAll(x.takePending());
            String f = plainField(v);
            if (f == null) {
                before.add(assign(k.name(), v));
                f = k.name();
            } else if (!f.equals(k.name())) {
                renames.add(field(f) + " AS " + field(k.name()));
            }
            byFields.add(field(f));
            out.put(k.name(), new Made(k.name(), v.type()));
        }
        if (!by.isEmpty()) {
            approximate(st, "Splunk's stats leaves out the events where a by-field is missing; PowerQuery groups them "
                    + "under a null key");
        }
        List<String> stats = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<String> helpers = new ArrayList<>();
        for (Stage.Named a : aggregates) {
            List<PqExpr.Call> calls = PqExpr.aggregateCalls(a.value());
            boolean single = calls.size() == 1 && calls.get(0) == a.value();
            for (PqExpr.Call c : calls) {
                String name = single ? a.name() : x.fresh("a");
                if (!single) helpers.add(name);
                Aggregation agg = aggregation(c, st, name);
                if (agg == null) return false;
                before.addAll(x.takePending());
                stats.add(agg.spl() + " AS " + field(name));
                if (agg.after() != null) after.add(agg.after());
                x.know(c, new Spl(SplLiteral.evalField(name), agg.type()));
            }
            Spl v = SplPipelineExpr.stored(x.write(a.value(), names));
            if (!single) after.add(assign(a.name(), v));
            x.forget();
            out.put(a.name(), new Made(a.name(), v.type()));
        }
        List<String> temps = x.takeTemps();
        if (!before.isEmpty()) commands.add("eval " + String.join(", ", before));
        commands.add("stats " + String.join(" ", stats) + (byFields.isEmpty() ? "" : " by " + String.join(", ", byFields)));
        // the temporary fields of the eval before stats are gone after it (stats keeps only its own fields)
        if (!renames.isEmpty()) commands.add("rename " + String.join(", ", renames));
        if (!after.isEmpty()) commands.add("eval " + String.join(", ", after));
        if (!helpers.isEmpty()) {
            List<String> table = new ArrayList<>();
            for (String n : out.keySet()) table.add(field(n));
            commands.add("table " + String.join(", ", table));
        }
        made.clear();
        made.putAll(out);
        events = false;
        ordered = true;
        if (top != null) {
            List<String> items = new ArrayList<>();
            items.add("-" + field(top.aggregate().name()));
            for (Stage.Named k : by) items.add("+" + field(k.name()));
            commands.add("sort 0 " + String.join(", ", items));
            commands.add("head " + top.count());
            commands.add("streamstats count AS rank");
            made.put("rank", new Made("rank", Type.NUMBER));
        }
        return true;
    }

    /** The stats function for one aggregate call; null after an error. */
    private Aggregation aggregation(PqExpr.Call c, Stage st, String name) {
        String fn = c.name();
        String where = c.where() == null ? null : SplPipelineExpr.truthy(x.write(c.where(), names));
        if (fn.equals("count") && c.args().isEmpty()) {
            return new Aggregation(where == null ? "count" : "count(eval(if(" + where + ", 1, null())))", Type.NUMBER, null);
        }
        int valueArg = fn.equals("pct") ? c.args().size() - 1 : 0;
        Spl v = x.write(c.args().get(valueArg), names);
        String plain = where == null ? plainField(v) : null;
        String ref = SplLiteral.evalField(name);
        switch (fn) {
            case "count": {
                String t = SplPipelineExpr.truthy(v);
                return new Aggregation("count(eval(if(" + (where == null ? t : where + " AND " + t) + ", 1, null())))",
                        Type.NUMBER, null);
            }
            case "sum":
            case "min":
            case "max":
            case "avg":
            case "mean":
            case "average": {
                String spl = fn.equals("mean") || fn.equals("average") ? "avg" : fn;
                return new Aggregation(spl + "(" + argument(v, plain, where, true) + ")", Type.NUMBER, null);
            }
            case "median":
            case "p10":
            case "p50":
            case "p90":
            case "p95":
            case "p99":
            case "p999":
            case "pct": {
                String pct;
                if (fn.equals("pct")) {
                    if (!(c.args().get(0) instanceof PqExpr.Literal l && l.value() instanceof NumberValue n)) {
                        x.untranslated(c, "pct() with a percentage that is not a constant number");
                        return null;
                    }
                    pct = n.number().stripTrailingZeros().toPlainString();
                } else {
                    pct = fn.equals("median") ? "50" : new java.math.BigDecimal("0." + fn.substring(1)).movePointRight(2)
                            .stripTrailingZeros().toPlainString();
                }
                approximate(c.span(), fn + "() is Splunk's perc" + pct + "(), the nearest-rank value (an estimate above "
                        + "1000 distinct values); s1ql interpolates between the two nearest values");
                return new Aggregation("perc" + pct + "(" + argument(v, plain, where, true) + ")", Type.NUMBER, null);
            }
            case "estimate_distinct":
                approximate(c.span(), "estimate_distinct() is Splunk's estdc(), an estimate as PowerQuery's is; s1ql eval "
                        + "counts exactly (Splunk's dc() would)");
                return new Aggregation("estdc(" + argument(v, plain, where, false) + ")", Type.NUMBER, null);
            case "array_agg":
            case "array_agg_distinct": {
                boolean distinct = fn.equals("array_agg_distinct");
                if (!distinct) {
                    approximate(c.span(), "array_agg() is Splunk's list(), which keeps at most 100 values (limits.conf "
                            + "list_maxsize) in the order the events reach stats");
                }
                String after = null;
                if (c.args().size() > 1) {
                    if (!(c.args().get(1) instanceof PqExpr.Literal l && l.value() instanceof NumberValue n)) {
                        x.untranslated(c, "a cap that is not a constant number");
                        return null;
                    }
                    after = field(name) + "=mvindex(" + ref + ", 0, " + (n.number().longValue() - 1) + ")";
                }
                return new Aggregation((distinct ? "values(" : "list(") + argument(v, plain, where, false) + ")",
                        Type.LIST, after);
            }
            case "any":
                return new Aggregation("first(" + argument(v, plain, where, false) + ")", Type.TEXT, null);
            case "first":
            case "last":
                approximate(c.span(), fn + "() is Splunk's " + fn + "(), which skips events without a value (PowerQuery "
                        + "takes the " + fn + " row's value, null included)" + (ordered ? "" : "; with no sort before it "
                        + "the row order is Splunk's (newest event first)"));
                return new Aggregation(fn + "(" + argument(v, plain, where, false) + ")", v.type() == Type.NUMBER
                        ? Type.NUMBER : Type.TEXT, null);
            case "any_true":
            case "all_true": {
                String t = "if(" + SplPipelineExpr.truthy(v) + ", 1, 0)";
                if (where != null) t = "if(" + where + ", " + t + ", null())";
                return new Aggregation((fn.equals("any_true") ? "max" : "min") + "(eval(" + t + "))", Type.TEXT,
                        field(name) + "=if(" + ref + "==1, \"true\", \"false\")");
            }
            default:
                x.untranslated(c, PqFunctions.defaults().lookup(fn) == null ? "an unknown function"
                        : "no Splunk stats function computes it");
                return null;
        }
    }

    /** The argument of a stats function: a field as it is, else eval(...) of the value (numbers: tonumber()). */
    private static String argument(Spl v, String plain, String where, boolean numeric) {
        if (plain != null) return field(plain);
        String value = numeric ? SplPipelineExpr.number(v) : SplPipelineExpr.text(SplPipelineExpr.stored(v));
        if (where != null) value = "if(" + where + ", " + value + ", null())";
        return "eval(" + value + ")";
    }

    private void approximate(Stage st, String what) {
        approximate(st.span(), what);
    }

    private void approximate(Span span, String what) {
        diagnostics.add(Diagnostic.of(Code.PIPELINE_APPROXIMATE, what, span));
    }
}
