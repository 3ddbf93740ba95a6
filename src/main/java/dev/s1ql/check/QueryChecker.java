// Semantic checks over a parsed query: unknown fields, enum misuse and values, invalid regexes, limits,
// strict-mode (STAR rule) restrictions, and the spec's risky spots (trailing backslash, '*' in '=').
package dev.s1ql.check;

import dev.s1ql.ast.Decimals;
import dev.s1ql.ast.And;
import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.PipelineScope;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.StringValue;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.EnumCatalog;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import dev.s1ql.catalog.FieldType;
import dev.s1ql.catalog.Suggestions;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public final class QueryChecker {

    private final FieldCatalog fields;
    private final EnumCatalog enums;
    private final CheckOptions options;

    public QueryChecker(CheckOptions options) {
        this(FieldCatalog.defaults(), EnumCatalog.defaults(), options);
    }

    public QueryChecker(FieldCatalog fields, EnumCatalog enums, CheckOptions options) {
        this.fields = fields;
        this.enums = enums;
        this.options = options;
    }

    public List<Diagnostic> check(Query query) {
        List<Diagnostic> out = new ArrayList<>();
        String src = query.source();
        int length = src.codePointCount(0, src.length());
        if (length > options.maxLength()) {
            out.add(Diagnostic.of(Code.QUERY_TOO_LONG, "the query is " + length + " characters long (limit set to "
                    + options.maxLength() + ")", query.root().span(), "split it, or move long lists into several rules"));
        }
        if (options.strict()) {
            for (Query.Comment c : query.comments()) {
                out.add(Diagnostic.of(Code.COMMENT, "comment in a STAR rule query: rule bodies cannot hold comments",
                        c.span()));
            }
            int nl = src.indexOf('\n');
            if (nl >= 0) {
                int line = (int) src.substring(0, nl).chars().filter(ch -> ch == '\n').count() + 1;
                int col = src.substring(src.lastIndexOf('\n', nl - 1) + 1, nl).codePointCount(0,
                        nl - (src.lastIndexOf('\n', nl - 1) + 1)) + 1;
                out.add(Diagnostic.of(Code.NEWLINE_IN_STRICT, "newline in a STAR rule query: SentinelOne rejects rule"
                        + " bodies with newlines (\"Query cannot contain newlines\")",
                        new Span(nl, nl + 1, line, col, line, col), "write the query on one line (s1ql fmt does)"));
            }
        }
        v1 = query.dialect() == dev.s1ql.ast.Dialect.S1QL_1;
        if (!v1 && length > Reading2.QUERY_LIMIT && query.root() != null) out.add(Reading2.overLimit(length, query.root().span()));
        if (query.root() != null) walk(query.root(), out, PipelineScope.EVENTS);
        if (!query.pipeline().isEmpty()) out.addAll(new PipelineChecker(this).check(query));
        return out;
    }

    /** Whether the query being checked is S1QL 1.0 (some checks are about 1.0 only). */
    private boolean v1 = true;

    /** Checks a filter-language tree whose names are looked up in {@code scope} (a stage's, or the events'). */
    void walk(Expr e, List<Diagnostic> out, PipelineScope scope) {
        if (e instanceof And a) a.operands().forEach(x -> walk(x, out, scope));
        else if (e instanceof Or o) o.operands().forEach(x -> walk(x, out, scope));
        else if (e instanceof Not n) walk(n.operand(), out, scope);
        else predicate((Predicate) e, out, scope);
    }

    /** Whether the query being checked is S1QL 2.0 or PowerQuery. */
    boolean reading2() {
        return !v1;
    }

    private void predicate(Predicate p, List<Diagnostic> out, PipelineScope scope) {
        FieldRef f = p.field();
        MatchKind kind = p.operator().kind();
        FieldInfo info = f.resolved();
        if (info == null && f.written().equals("*")) {
            // `* contains 'x'` (every field) is reported by the 2.0 parser
        } else if (scope.kind() == PipelineScope.Kind.UNKNOWN || scope.madeName(f.written())) {
            // a name an earlier stage made, or anything after a stage s1ql does not model
            info = null;
        } else if (scope.kind() == PipelineScope.Kind.CLOSED) {
            out.add(PipelineChecker.unknownName(f, scope));
            info = null;
        } else if (info == null) {
            List<String> close = v1 ? fields.suggest(f.written(), 3) : fields.suggestS1ql2(f.written(), 3);
            out.add(Diagnostic.of(Code.UNKNOWN_FIELD, "unknown field '" + f.written() + "'", f.span(),
                    close.isEmpty() ? null : "did you mean " + quoteList(close) + "?"));
        } else if (options.strict() && v1 && info.kind() == FieldKind.LEGACY) {
            out.add(Diagnostic.of(Code.LEGACY_FIELD, "'" + f.written() + "' is a legacy field name", f.span(),
                    info.members().isEmpty() ? null : "current name: " + String.join(" or ", info.members())));
        }
        for (Value v : p.values()) {
            if (v instanceof StringValue s && s.trailingBackslash()) {
                out.add(Diagnostic.of(Code.TRAILING_BACKSLASH, "the value ends with a backslash: '\\\"' was read as a"
                        + " backslash plus the closing quote because a valid end of the value follows (spec §2.5)",
                        v.span(), "SentinelOne may read '\\\"' as an escaped quote instead; check this value"));
            }
        }
        if (p.values().size() > options.maxListSize()) {
            out.add(Diagnostic.of(Code.LIST_TOO_LONG, "the list has " + p.values().size() + " values (more than "
                    + options.maxListSize() + ")", p.span(), "SentinelOne tooling splits lists at 100 values"));
        }
        boolean isEnum = info != null && info.isEnum();
        boolean substring = kind == MatchKind.CONTAINS || kind == MatchKind.IN_CONTAINS
                || kind == MatchKind.STARTS_WITH || kind == MatchKind.ENDS_WITH || kind == MatchKind.REGEX;
        if (isEnum && substring) {
            out.add(Diagnostic.of(Code.SUBSTRING_ON_ENUM, "'" + p.operator().spelling() + "' on enum field '"
                    + f.written() + "': enum fields take =, != or In", p.span(), null));
        }
        if (info != null && (kind == MatchKind.EQUALS || kind == MatchKind.IN)) enumValues(p, info, out);
        if (v1 && (kind == MatchKind.EQUALS || kind == MatchKind.IN)) {
            for (Value v : p.values()) {
                if (v instanceof StringValue s && s.value().contains("*")) {
                    out.add(Diagnostic.of(Code.WILDCARD_IN_EQUALS, "'*' in an equality value is compared literally,"
                            + " not as a wildcard (spec §11 Q8)", v.span(), "use StartsWith/EndsWith/Contains or RegExp"));
                }
            }
        }
        if (kind == MatchKind.REGEX) regex(p, out);
        if (kind == MatchKind.REGEX && !v1) Reading2.regex(p.value(), out);
        if ((kind == MatchKind.COMPARE || kind == MatchKind.RANGE) && info != null) order(p, info, out);
        if (kind == MatchKind.BOOL && info != null && info.type() != FieldType.BOOL && !info.typeGuessed()) {
            out.add(Diagnostic.of(Code.BOOL_ON_NON_BOOL, "'IS " + ((BoolValue) p.value()).value() + "' on '"
                    + f.written() + "', which is a " + info.type().name().toLowerCase() + " field", p.span(), null));
        }
    }

    private void enumValues(Predicate p, FieldInfo info, List<Diagnostic> out) {
        for (String field : info.concreteFields()) {
            if (enums.values(field).isEmpty()) return;
        }
        String field = info.concreteFields().get(0);
        for (Value v : p.values()) {
            String text = v.text();
            if (enums.canonical(field, text) != null) continue;
            String fix = enums.correctionFor(field, text);
            if (fix == null) {
                List<String> s = Suggestions.closest(text, enums.values(field), 1);
                fix = s.isEmpty() ? null : s.get(0);
            }
            out.add(Diagnostic.of(Code.UNKNOWN_ENUM_VALUE, "'" + text + "' is not a known " + info.name() + " value",
                    v.span(), fix != null ? "the official spelling is '" + fix + "'" : "known values: "
                            + String.join(", ", enums.values(field))));
        }
    }

    private void regex(Predicate p, List<Diagnostic> out) {
        Value v = p.value();
        try {
            Pattern.compile(v.text());
        } catch (PatternSyntaxException e) {
            Span s = v.span();
            int index = Math.max(e.getIndex(), 0);
            // The column is exact unless an escaped quote (\") precedes the error, which shifts it by one per quote.
            Span at = new Span(s.start(), s.end(), s.line(), s.column() + 1 + index, s.line(), s.column() + 1 + index);
            out.add(Diagnostic.of(Code.INVALID_REGEX, "invalid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""), at, null));
        }
    }

    private void order(Predicate p, FieldInfo info, List<Diagnostic> out) {
        if (info.type() == FieldType.TIME) return;
        for (Value v : p.values()) {
            boolean numeric = isNumber(v.text());
            if (info.type() == FieldType.NUMBER && !numeric) {
                out.add(Diagnostic.of(Code.ORDER_ON_TEXT, "'" + v.text() + "' is not a number, but " + info.name()
                        + " is a number field", v.span(), null));
            } else if (info.type() != FieldType.NUMBER && !info.typeGuessed() && !numeric) {
                out.add(Diagnostic.of(Code.ORDER_ON_TEXT, "ordering comparison on text field '" + info.name()
                        + "' (compared as text, character by character)", p.span(), null));
            }
        }
    }

    static boolean isNumber(String s) {
        try {
            Decimals.parse(s.strip());
            return !s.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String quoteList(List<String> names) {
        List<String> q = names.stream().map(n -> "'" + n + "'").toList();
        return q.size() == 1 ? q.get(0) : String.join(", ", q.subList(0, q.size() - 1)) + " or " + q.get(q.size() - 1);
    }
}
