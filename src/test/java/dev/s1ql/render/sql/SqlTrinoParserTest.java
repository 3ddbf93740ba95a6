// The emitted Trino SQL, checked with Trino's own SQL parser (io.trino:trino-parser) as KQL is checked with
// Microsoft's: every corpus query and every spec-file query, with 1.0 and 2.0 (nested) column names and a qualified
// table, must parse as one Trino statement using only the functions the Trino dialect writes.
package dev.s1ql.render.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s1ql.ast.Query;
import dev.s1ql.eval.EvalSpecFile;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translators;
import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.DefaultTraversalVisitor;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Syntax and function names only: Trino's analyzer (types, the table's columns) needs a server. */
class SqlTrinoParserTest {

    private static final Set<String> TRINO_FUNCTIONS = Set.of("lower", "coalesce", "regexp_like");

    private static final SqlParser TRINO = new SqlParser();

    private static List<String> failures(List<Query> queries) {
        List<String> failures = new ArrayList<>();
        for (Query q : queries) {
            for (String columns : List.of("v1", "v2")) {
                TranslationOptions o = new TranslationOptions("trino", null, false)
                        .with("columns", columns).with("table", "hive.dv.events");
                Translation t = Translators.forTarget("sql").translate(q, o);
                if (!t.ok()) continue; // not written (errors are the translator tests' business)
                try {
                    Statement st = TRINO.createStatement(t.output());
                    Set<String> used = new TreeSet<>();
                    new DefaultTraversalVisitor<Void>() {
                        @Override
                        protected Void visitFunctionCall(FunctionCall node, Void context) {
                            used.add(node.getName().toString().toLowerCase(Locale.ROOT));
                            return super.visitFunctionCall(node, context);
                        }
                    }.process(st, null);
                    used.removeAll(TRINO_FUNCTIONS);
                    if (!used.isEmpty()) failures.add(used + ": " + t.output());
                } catch (ParsingException e) {
                    failures.add(e.getMessage() + ": " + t.output());
                }
            }
        }
        return failures;
    }

    @Test
    void everyCorpusQueryIsOneTrinoStatement() throws Exception {
        List<Query> queries = dev.s1ql.SharedData.corpusQueries();
        List<String> failures = failures(queries);
        assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " failures");
        assertTrue(queries.size() >= 1700, "corpus: " + queries.size());
    }

    @Test
    void everySpecQueryIsOneTrinoStatement() throws Exception {
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/spec/eval"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".spec")).sorted().toList()) {
                ParseResult r = new QueryReader().read(EvalSpecFile.read(f).query(), DialectChoice.AUTO);
                if (r.ok()) queries.add(r.query());
            }
        }
        assertEquals(List.of(), failures(queries));
    }
}
