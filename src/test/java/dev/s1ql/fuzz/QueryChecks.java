// The fuzzer's properties over one generated query (issue 13): nothing but diagnostics for any input, mutated or
// not; fmt and the 2.0 / PowerQuery migration validate, parse alike (fmt) and keep matches on generated events;
// every target's string literal reads back as the value.
package dev.s1ql.fuzz;

import dev.s1ql.ast.Query;
import dev.s1ql.check.CheckOptions;
import dev.s1ql.check.Validator;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.PipelineFilter;
import dev.s1ql.eval.RulePack;
import dev.s1ql.events.RawEvent;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.parse.S1ql2Strings;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.parse.StringLiteralScanner;
import dev.s1ql.ast.Predicate;
import dev.s1ql.render.kql.KqlLiteral;
import dev.s1ql.render.spl.SplLiteral;
import dev.s1ql.render.sql.SqlDialect;
import dev.s1ql.roundtrip.QueryEvents;
import dev.s1ql.roundtrip.Rewrites;
import dev.s1ql.translate.Translator;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translators;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

public final class QueryChecks {

    private static final QueryReader READER = new QueryReader();
    private static final Validator VALIDATOR = new Validator(CheckOptions.DEFAULTS);
    private static final List<String> SNIPPETS = List.of("\"", "(", ")", " AND ", " OR ", " NOT ", "\\", "'", "|",
            " In (", ",", "::", "\u0000", "\uD800", "==", " | filter ", "src.process.name", " contains:anycase ",
            "9".repeat(1200), "((((", "))))", "--", "/*", "\n", " Between ", " RegExp \"(\"");

    private QueryChecks() {
    }

    /** Failures (empty when every property holds) for the query made from {@code seed}. */
    public static List<String> check(long seed) {
        List<String> failures = new ArrayList<>();
        QueryGenerator g = new QueryGenerator(seed);
        String text = g.query();
        guard(failures, seed, "generated", text, () -> properties(failures, seed, text, g.random()));
        String mutated = mutate(text, g.random());
        guard(failures, seed, "mutated", mutated, () -> properties(failures, seed, mutated, g.random()));
        for (int i = 0; i < 4; i++) {
            String v = g.text();
            guard(failures, seed, "literal", v, () -> literals(failures, seed, v));
        }
        return failures;
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void guard(List<String> failures, long seed, String what, String input, Check c) {
        try {
            c.run();
        } catch (Throwable t) {
            failures.add("seed " + seed + " (" + what + "): threw " + t + "\n    input: " + show(input)
                    + "\n    at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?"));
        }
    }

    private static void properties(List<String> failures, long seed, String text, Random r) throws Exception {
        ParseResult parsed = READER.read(text, DialectChoice.AUTO);
        // A rewrite may keep an error the input has (an unknown function stays unknown), never add one.
        java.util.Set<dev.s1ql.diag.Code> inputErrors = VALIDATOR.validate(text).diagnostics().stream()
                .filter(Diagnostic::isError).map(Diagnostic::code).collect(java.util.stream.Collectors.toSet());
        for (String target : Translators.targets()) {
            Translator t = Translators.forTarget(target);
            for (String profile : t.profiles()) {
                if (parsed.ok()) t.translate(parsed.query(), new TranslationOptions(profile, null, false));
            }
        }
        if (!parsed.ok()) return;
        RulePack compiled = new RulePack(EvalOptions.defaults());
        Query filter = PipelineFilter.fold(parsed.query()).query();
        if (filter != null) compiled.add(filter);
        List<String> events = QueryEvents.of(parsed.query());
        for (Rewrites rw : Rewrites.values()) {
            if (!rw.appliesTo(parsed.query())) continue;
            String out = rw.apply(parsed.query());
            if (out == null) continue;
            String where = "seed " + seed + " [" + rw.label() + "]\n    in:  " + show(text) + "\n    out: " + show(out);
            Validator.Result v = VALIDATOR.validate(out);
            List<Diagnostic> errors = v.diagnostics().stream().filter(Diagnostic::isError)
                    .filter(d -> !inputErrors.contains(d.code())).toList();
            if (v.query() == null || !errors.isEmpty()) {
                failures.add(where + "\n    does not validate: " + errors);
                continue;
            }
            if (rw == Rewrites.FMT && !sameAst(parsed.query(), v.query())) {
                failures.add(where + "\n    parses to another AST");
                continue;
            }
            Query b = PipelineFilter.fold(v.query()).query();
            if (filter == null || b == null) continue;
            String diff = firstDifference(filter, b, events);
            if (diff != null) failures.add(where + "\n    matches differ on " + show(diff));
        }
    }

    static boolean sameAst(Query a, Query b) {
        boolean roots = a.root() == null ? b.root() == null
                : b.root() != null && a.root().normalized().equals(b.root().normalized());
        return roots && a.dialect() == b.dialect() && a.pipeline().size() == b.pipeline().size();
    }

    /** The first event on which the two queries disagree, or null. */
    private static String firstDifference(Query a, Query b, List<String> events) throws Exception {
        RulePack pack = new RulePack(EvalOptions.defaults());
        pack.add(a);
        pack.add(b);
        pack.finish();
        for (int i = 0; i < events.size(); i++) {
            BitSet hit = new BitSet();
            pack.evaluate(RawEvent.of("e", i + 1, events.get(i).getBytes(StandardCharsets.UTF_8)), (rule, e) -> hit.set(rule));
            if (hit.get(0) != hit.get(1)) return events.get(i);
        }
        return null;
    }

    /** Every target's literal of {@code v} reads back as {@code v}. */
    private static void literals(List<String> failures, long seed, String v) {
        String where = "seed " + seed + " literal " + show(v);
        expect(failures, where + " (kql " + show(KqlLiteral.string(v)) + ")", v, Literals.kql(KqlLiteral.string(v)));
        if (SplLiteral.isQuotable(v)) expect(failures, where + " (spl)", v, Literals.spl(SplLiteral.quote(v)));
        for (SqlDialect d : SqlDialect.ALL) {
            expect(failures, where + " (sql " + d.name() + ")", v, Literals.sql(d.literal(v), d.name().equals("spark")));
        }
        expect(failures, where + " (2.0)", v, S1ql2Strings.decode(S1ql2Strings.quote(v)));
        if (StringLiteralScanner.roundTrips(v, false) && !v.endsWith("\\")) {
            ParseResult r = new S1qlParser().parse("TgtProcName Contains " + StringLiteralScanner.quote(v));
            String back = r.ok() && r.query().root() instanceof Predicate p ? p.value().text() : null;
            expect(failures, where + " (1.0)", v, back);
        }
    }

    private static void expect(List<String> failures, String where, String want, String got) {
        if (!want.equals(got)) failures.add(where + ": read back " + show(got));
    }

    /** One to three edits: a cut, an inserted snippet, a duplicated piece, a changed character. */
    static String mutate(String text, Random r) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = r.nextInt(sb.length() + 1);
            switch (r.nextInt(4)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(8)));
                case 1 -> sb.insert(at, SNIPPETS.get(r.nextInt(SNIPPETS.size())));
                case 2 -> {
                    int end = Math.min(sb.length(), at + 1 + r.nextInt(20));
                    sb.insert(at, sb.substring(at, end));
                }
                default -> {
                    if (at < sb.length()) sb.setCharAt(at, (char) r.nextInt(0x3000));
                }
            }
        }
        return sb.toString();
    }

    static String show(String s) {
        if (s == null) return "null";
        String t = s.length() > 400 ? s.substring(0, 400) + "...(" + s.length() + " chars)" : s;
        StringBuilder sb = new StringBuilder();
        t.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x2028 || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF)) sb.append(String.format("\\u%04x", c));
            else sb.appendCodePoint(c);
        });
        return sb.toString();
    }
}
