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
        // The dialect with more marks goes first; without marks, 1.0 (the dialect of most rule libraries).
        boolean v2First = d.dialect() != null && d.dialect() != Dialect.S1QL_1;
        ParseResult r1 = v2First ? null : v1.parse(text);
        if (r1 != null && r1.ok()) return r1;
        ParseResult r2 = v2.parse(text);
        if (r2.ok() && d.v1().isEmpty()) return r2;
        if (r1 == null) r1 = v1.parse(text);
        if (r1.ok()) return r1;
        if (!d.mixed() && !(r2.ok() && !d.v1().isEmpty())) return v2First ? r2 : r1;
        // Both dialects show, or a 2.0 reading holds 1.0 names (valid 2.0 syntax, but unknown fields there):
        // the console accepts such a rule and it never matches.
        DialectDetector.Mark a = d.v1().get(0);
        DialectDetector.Mark b = d.v2().isEmpty() ? null : d.v2().get(0);
        String v2Part = b == null ? "S1QL 2.0 syntax" : "S1QL 2.0 (" + b.why() + " at " + b.span().line() + ":"
                + b.span().column() + ")";
        Diagnostic mixed = Diagnostic.of(Code.MIXED_DIALECT, "this query mixes S1QL 1.0 (" + a.why() + " at "
                + a.span().line() + ":" + a.span().column() + ") and " + v2Part + "; SentinelOne stores such a rule "
                + "but it never matches", a.span(), "write it in one dialect; s1ql translate --to s1ql2 migrates 1.0");
        List<Diagnostic> ds = new ArrayList<>();
        ds.add(mixed);
        // The reading of the dialect with more marks says best what to change.
        ds.addAll(v2First ? r2.diagnostics() : r1.diagnostics());
        return new ParseResult(null, ds);
    }
}
