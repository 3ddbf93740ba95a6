// Reads a query in any of the three dialects: detects the dialect (or takes the one asked for), reports a
// mixture of 1.0 and 2.0 as an error, and parses with the matching front end.
package dev.s1ql.parse;

import dev.s1ql.ast.Dialect;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;

public final class QueryReader {

    private final S1qlParser v1;
    private final S1ql2Parser v2;
    private final DialectDetector detector;

    public QueryReader() {
        this(FieldCatalog.defaults());
    }

    public QueryReader(FieldCatalog catalog) {
        this.v1 = new S1qlParser(catalog);
        this.v2 = new S1ql2Parser(catalog);
        this.detector = new DialectDetector(catalog);
    }

    public ParseResult read(String text, DialectChoice choice) {
        if (choice == DialectChoice.S1QL_1) return v1.parse(text);
        if (choice == DialectChoice.S1QL_2 || choice == DialectChoice.POWERQUERY) {
            ParseResult r = v2.parse(text);
            if (choice == DialectChoice.S1QL_2 && r.query() != null && r.query().dialect() == Dialect.POWERQUERY) {
                List<Diagnostic> ds = new ArrayList<>(r.diagnostics());
                ds.add(Diagnostic.of(Code.MIXED_DIALECT, "pipeline stages ('|') are PowerQuery, not S1QL 2.0",
                        r.query().pipeline().get(0).span(), "use --dialect pq (or auto)"));
                return new ParseResult(r.query(), ds);
            }
            return r;
        }
        DialectDetector.Detection d = detector.detect(text);
        if (d.mixed()) {
            DialectDetector.Mark a = d.v1().get(0);
            DialectDetector.Mark b = d.v2().get(0);
            Diagnostic mixed = Diagnostic.of(Code.MIXED_DIALECT, "this query mixes S1QL 1.0 (" + a.why() + " at "
                    + a.span().line() + ":" + a.span().column() + ") and S1QL 2.0 (" + b.why() + " at "
                    + b.span().line() + ":" + b.span().column() + "); SentinelOne stores such a rule but it never "
                    + "matches", b.span(), "write it in one dialect; s1ql translate --to s1ql2 migrates 1.0");
            ParseResult r = d.dialect() == Dialect.S1QL_1 ? v1.parse(text) : v2.parse(text);
            List<Diagnostic> ds = new ArrayList<>();
            ds.add(mixed);
            ds.addAll(r.diagnostics());
            return new ParseResult(r.query(), ds);
        }
        if (d.dialect() == Dialect.S1QL_1) return v1.parse(text);
        if (d.dialect() != null) return v2.parse(text);
        // No mark of either: 1.0 first (the dialect of most rule libraries), then 2.0.
        ParseResult r1 = v1.parse(text);
        if (r1.ok()) return r1;
        ParseResult r2 = v2.parse(text);
        return r2.ok() ? r2 : r1;
    }
}
