// `s1ql parse`: the AST of each query, as JSON (one object per input and line) or as an indented tree.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.render.AstJson;
import dev.s1ql.render.S1qlFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Print the syntax tree of each query (S1QL 1.0, 2.0 or PowerQuery): an indented tree, or JSON "
                + "for tooling.",
        footer = {"", "Examples:",
                "  s1ql parse -q 'NOT TgtProcName In AnyCase (\"a.exe\", \"b.exe\")'",
                "  s1ql parse --json examples/dns_query_win_susp_external_ip_lookup.md | jq .ast.type",
                "", "Prints one summary line on stderr: s1ql parse: N queries: ...",
                "Exit codes: 0 success, 1 a query has a syntax error, 2 usage or I/O error, or no query found."})
public final class ParseCommand implements Callable<Integer> {

    @Mixin
    InputOptions inputs;

    @Option(names = "--json", description = "One JSON object per input and line: {source, ast} or {source, "
            + "diagnostics} when it does not parse.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<QueryInput> all = inputs.collectOrReport(err, "parse");
        if (all == null) return Main.EXIT_USAGE;
        ObjectMapper mapper = new ObjectMapper();
        AstJson astJson = new AstJson(mapper);
        QueryReader reader = new QueryReader();
        boolean failed = false;
        int unparsed = 0;
        for (QueryInput in : all) {
            ParseResult r = in.parse(reader, inputs.dialect());
            failed |= !r.ok();
            if (!r.ok()) unparsed++;
            if (json) {
                ObjectNode n = mapper.createObjectNode();
                n.put("source", in.source());
                if (r.query() != null) {
                    n.put("dialect", r.query().dialect().label());
                    if (r.query().root() != null) n.set("ast", astJson.expr(r.query().root()));
                    if (!r.query().pipeline().isEmpty()) n.set("pipeline", astJson.stages(r.query().pipeline()));
                }
                n.set("diagnostics", DiagnosticPrinter.json(mapper, in, r.diagnostics()));
                out.println(n);
            } else if (r.query() == null) {
                for (Diagnostic d : r.diagnostics()) DiagnosticPrinter.print(err, in, d);
            } else {
                if (all.size() > 1) out.println("# " + in.source());
                if (r.query().dialect() != dev.s1ql.ast.Dialect.S1QL_1) out.println("# dialect " + r.query().dialect().label());
                if (r.query().root() != null) tree(out, r.query().root(), 0, r.query());
                for (dev.s1ql.ast.Stage s : r.query().pipeline()) out.println("| " + s.getClass().getSimpleName().toLowerCase());
            }
        }
        out.flush();
        err.printf("s1ql parse: %d %s: %d parsed, %d failed (%.1f s)%n", all.size(), all.size() == 1 ? "query" : "queries",
                all.size() - unparsed, unparsed, (System.nanoTime() - started) / 1e9);
        err.flush();
        return failed ? 1 : 0;
    }

    private static void tree(PrintWriter out, Expr e, int depth, dev.s1ql.ast.Query q) {
        String pad = "  ".repeat(depth);
        if (e instanceof And a) {
            out.println(pad + "AND");
            a.operands().forEach(x -> tree(out, x, depth + 1, q));
        } else if (e instanceof Or o) {
            out.println(pad + "OR");
            o.operands().forEach(x -> tree(out, x, depth + 1, q));
        } else if (e instanceof Not n) {
            out.println(pad + "NOT");
            tree(out, n.operand(), depth + 1, q);
        } else {
            Predicate p = (Predicate) e;
            String kind = p.operator().kind().name().toLowerCase() + (p.operator().caseInsensitive() ? " ci" : "")
                    + (p.operator().negated() ? " negated" : "");
            String text = q.dialect() == dev.s1ql.ast.Dialect.S1QL_1 ? S1qlFormatter.format(p)
                    : dev.s1ql.render.S1ql2Writer.write(new dev.s1ql.ast.Query(p, "", java.util.List.of(), q.dialect(),
                    java.util.List.of())).text();
            out.println(pad + text + "    [" + kind + (p.field().isKnown() ? ""
                    : ", unknown field") + "]");
        }
    }
}
