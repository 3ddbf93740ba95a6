// Reads src/test/resources/regex/rewrites.tsv: one case per row (engine, case flag, Java pattern, expectation).
package dev.s1ql.regex;

import dev.s1ql.catalog.TsvTable;

import java.util.List;
import java.util.Map;

record RegexRewriteCases(RegexEngine engine, boolean ignoreCase, String pattern, char expectKind, String expected) {

    static List<RegexRewriteCases> all() {
        return TsvTable.resource("/regex/rewrites.tsv").stream().map(RegexRewriteCases::of).toList();
    }

    private static RegexRewriteCases of(Map<String, String> row) {
        String expect = row.get("expect");
        if (expect == null || expect.length() < 3 || "=!~L".indexOf(expect.charAt(0)) < 0 || expect.charAt(1) != ' ') {
            throw new IllegalArgumentException("rewrites.tsv: bad expect column in " + row);
        }
        String ci = row.get("ci");
        if (!"yes".equals(ci) && !"no".equals(ci)) throw new IllegalArgumentException("rewrites.tsv: ci is yes or no: " + row);
        return new RegexRewriteCases(RegexEngine.valueOf(row.get("engine")), ci.equals("yes"), row.get("pattern"),
                expect.charAt(0), expect.substring(2));
    }

    @Override
    public String toString() {
        return engine + (ignoreCase ? " ci " : " ") + pattern;
    }
}
