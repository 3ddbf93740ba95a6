// Parse plus semantic checks: everything `s1ql validate` knows about one query.
package dev.s1ql.check;

import dev.s1ql.ast.Query;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

public final class Validator {

    private final QueryReader reader = new QueryReader();
    private final QueryChecker checker;
    private final CheckOptions options;
    private final DialectChoice dialect;

    public Validator(CheckOptions options) {
        this(options, DialectChoice.AUTO);
    }

    public Validator(CheckOptions options, DialectChoice dialect) {
        this.checker = new QueryChecker(options);
        this.options = options;
        this.dialect = dialect;
    }

    /** The query (null when it does not parse) and all diagnostics, in source order. */
    public record Result(Query query, List<Diagnostic> diagnostics) {
        public boolean valid() {
            return query != null && diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    public Result validate(String text) {
        ParseResult parsed = reader.read(text, dialect);
        List<Diagnostic> all = new ArrayList<>();
        for (Diagnostic d : parsed.diagnostics()) {
            // A console-faithful (STAR rule) check does not accept the lenient quote reading.
            all.add(options.strict() && d.code() == Code.UNESCAPED_QUOTE ? d.withSeverity(Severity.ERROR) : d);
        }
        if (parsed.query() != null) all.addAll(checker.check(parsed.query()));
        all.sort(Comparator.comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
        return new Result(parsed.query(), List.copyOf(all));
    }
}
