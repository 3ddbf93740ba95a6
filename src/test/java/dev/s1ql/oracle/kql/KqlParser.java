// Parses the KQL subset the oracle runs into KqlQuery/KqlExpr trees. Syntax from the operator pages of the KQL
// reference (learn.microsoft.com/kusto/query/): union-operator (parenthesised legs, kind=, withsource=),
// where-operator, extend-operator, project-operator, project-rename-operator, project-away-operator,
// summarize-operator (aggregations ... by ...), sort-operator (asc|desc, nulls first|last; alias order),
// take-operator (alias limit), top-operator, distinct-operator, count-operator, datatable-operator. Scalar
// precedence from logical-operators ("and has higher precedence than or"): or < and < comparison and string
// operators < + - < * / % < unary minus < member access.
package dev.s1ql.oracle.kql;

import dev.s1ql.oracle.kql.KqlLexer.Kind;
import dev.s1ql.oracle.kql.KqlLexer.Token;
import dev.s1ql.oracle.kql.KqlQuery.Aggregate;
import dev.s1ql.oracle.kql.KqlQuery.Named;
import dev.s1ql.oracle.kql.KqlQuery.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

final class KqlParser {

    /** Binary operators at comparison level, with their negated and case-sensitive forms. */
    static final Set<String> COMPARISONS = Set.of("==", "!=", "=~", "!~", "<", "<=", ">", ">=",
            "contains", "!contains", "contains_cs", "!contains_cs",
            "startswith", "!startswith", "startswith_cs", "!startswith_cs",
            "endswith", "!endswith", "endswith_cs", "!endswith_cs",
            "has", "!has", "has_cs", "!has_cs", "hasprefix", "!hasprefix", "hasprefix_cs", "!hasprefix_cs",
            "hassuffix", "!hassuffix", "hassuffix_cs", "!hassuffix_cs");

    private static final Set<String> IN_OPERATORS = Set.of("in", "!in", "in~", "!in~", "has_any", "has_all");

    private static final Set<String> TYPE_NAMES = Set.of("long", "int", "real", "double", "bool", "boolean",
            "string", "timespan", "guid");

    private final List<Token> tokens;
    private int i;
    private int unnamed;

    private KqlParser(String text) {
        this.tokens = KqlLexer.tokens(text);
    }

    static KqlQuery parse(String text) {
        KqlParser p = new KqlParser(text);
        KqlQuery q = p.tabular();
        if (p.peek().kind() != Kind.END) throw p.error("unexpected '" + p.peek().text() + "'");
        return q;
    }

    // ---- tabular

    private KqlQuery tabular() {
        KqlQuery q = source();
        while (accept("|")) q = new KqlQuery.Pipe(q, operator());
        return q;
    }

    private KqlQuery source() {
        if (accept("(")) {
            KqlQuery q = tabular();
            expect(")");
            return q;
        }
        if (acceptWord("union")) return union();
        if (acceptWord("datatable")) return datatable();
        Token t = next();
        if (t.kind() != Kind.IDENT) throw error("expected a table name, got '" + t.text() + "'");
        return new KqlQuery.Table(t.text());
    }

    private KqlQuery union() {
        boolean inner = false;
        String withSource = null;
        while (true) {
            if (peekWord("kind") && peekAt(1).is("=")) {
                i += 2;
                String k = ident();
                if (!k.equals("inner") && !k.equals("outer")) throw error("union kind must be inner or outer");
                inner = k.equals("inner");
            } else if (peekWord("withsource") && peekAt(1).is("=")) {
                i += 2;
                withSource = ident();
            } else if (peekWord("isfuzzy") && peekAt(1).is("=")) {
                i += 3;
            } else {
                break;
            }
        }
        List<KqlQuery> legs = new ArrayList<>();
        do {
            if (accept("(")) {
                legs.add(tabular());
                expect(")");
            } else {
                legs.add(new KqlQuery.Table(ident()));
            }
        } while (accept(","));
        return new KqlQuery.Union(inner, withSource, legs);
    }

    private KqlQuery datatable() {
        expect("(");
        List<KqlColumn> columns = new ArrayList<>();
        do {
            String name = ident();
            expect(":");
            columns.add(new KqlColumn(name, KqlType.parse(ident())));
        } while (accept(","));
        expect(")");
        expect("[");
        List<KqlExpr> values = new ArrayList<>();
        if (!peek().is("]")) {
            do {
                if (peek().is("]")) break;
                values.add(expr());
            } while (accept(","));
        }
        expect("]");
        if (values.size() % columns.size() != 0) throw error("datatable values do not fill whole rows");
        return new KqlQuery.Datatable(columns, values);
    }

    private KqlQuery.Operator operator() {
        String op = ident();
        return switch (op) {
            case "where", "filter" -> new KqlQuery.Where(expr());
            case "extend" -> new KqlQuery.Extend(namedList());
            case "project" -> new KqlQuery.Project(namedList());
            case "project-away" -> {
                List<String> cols = new ArrayList<>();
                do cols.add(ident()); while (accept(","));
                yield new KqlQuery.ProjectAway(cols);
            }
            case "project-rename" -> {
                List<Named> renames = new ArrayList<>();
                do {
                    String to = ident();
                    expect("=");
                    renames.add(new Named(to, new KqlExpr.Column(ident())));
                } while (accept(","));
                yield new KqlQuery.ProjectRename(renames);
            }
            case "summarize" -> summarize();
            case "sort", "order" -> {
                expectWord("by");
                List<SortKey> keys = new ArrayList<>();
                do keys.add(sortKey()); while (accept(","));
                yield new KqlQuery.Sort(keys);
            }
            case "take", "limit" -> new KqlQuery.Take(count());
            case "top" -> {
                long n = count();
                expectWord("by");
                yield new KqlQuery.Top(n, sortKey());
            }
            case "distinct" -> new KqlQuery.Distinct(namedList());
            case "count" -> new KqlQuery.Count();
            default -> throw error("operator '" + op + "' is not in the oracle's KQL subset");
        };
    }

    private long count() {
        Token t = next();
        if (t.kind() != Kind.NUMBER || !(t.value() instanceof Long n)) throw error("expected a row count");
        return n;
    }

    private SortKey sortKey() {
        KqlExpr e = expr();
        boolean asc = false;
        if (acceptWord("asc")) asc = true;
        else acceptWord("desc");
        Boolean nullsFirst = null;
        if (acceptWord("nulls")) {
            if (acceptWord("first")) nullsFirst = true;
            else if (acceptWord("last")) nullsFirst = false;
            else throw error("expected first or last after nulls");
        }
        return new SortKey(e, asc, nullsFirst);
    }

    private KqlQuery.Summarize summarize() {
        List<Aggregate> aggs = new ArrayList<>();
        if (!peekWord("by")) {
            do {
                String name = assignedName();
                String fn = ident();
                expect("(");
                List<KqlExpr> args = new ArrayList<>();
                if (!peek().is(")")) {
                    do {
                        if (accept("*")) args.add(new KqlExpr.Column("*"));
                        else args.add(expr());
                    } while (accept(","));
                }
                expect(")");
                aggs.add(new Aggregate(name, fn, args));
            } while (accept(","));
        }
        List<Named> by = List.of();
        if (acceptWord("by")) by = namedList();
        return new KqlQuery.Summarize(aggs, by);
    }

    private List<Named> namedList() {
        List<Named> out = new ArrayList<>();
        do {
            String name = assignedName();
            if (name != null) {
                out.add(new Named(name, expr()));
            } else {
                KqlExpr e = expr();
                out.add(new Named(e instanceof KqlExpr.Column c ? c.name() : "Column" + (++unnamed), e));
            }
        } while (accept(","));
        return out;
    }

    /** {@code name =} or {@code ['name'] =} (a column name in brackets: the identifier-quoting syntax), else null. */
    private String assignedName() {
        if (peek().kind() == Kind.IDENT && peekAt(1).is("=")) {
            String name = ident();
            expect("=");
            return name;
        }
        if (peek().is("[") && peekAt(1).kind() == Kind.STRING && peekAt(2).is("]") && peekAt(3).is("=")) {
            i++;
            String name = (String) next().value();
            i += 2;
            return name;
        }
        return null;
    }

    // ---- scalar

    KqlExpr expr() {
        KqlExpr left = and();
        while (acceptWord("or")) left = new KqlExpr.Binary("or", left, and());
        return left;
    }

    private KqlExpr and() {
        KqlExpr left = comparison();
        while (acceptWord("and")) left = new KqlExpr.Binary("and", left, comparison());
        return left;
    }

    private KqlExpr comparison() {
        KqlExpr left = additive();
        Token t = peek();
        if ((t.kind() == Kind.PUNCT || t.kind() == Kind.IDENT) && COMPARISONS.contains(t.text())) {
            i++;
            return new KqlExpr.Binary(t.text(), left, additive());
        }
        if (t.kind() == Kind.IDENT && IN_OPERATORS.contains(t.text())) {
            i++;
            expect("(");
            if (peek().is("(") || (peek().kind() == Kind.IDENT && peekAt(1).is("|"))) {
                boolean doubled = accept("(");
                KqlQuery sub = tabular();
                if (doubled) expect(")");
                expect(")");
                return new KqlExpr.InList(t.text(), left, List.of(), sub);
            }
            List<KqlExpr> items = new ArrayList<>();
            if (!peek().is(")")) {
                do items.add(expr()); while (accept(","));
            }
            expect(")");
            return new KqlExpr.InList(t.text(), left, items, null);
        }
        if (t.is("between") || t.is("!between")) {
            i++;
            expect("(");
            KqlExpr low = additive();
            expect("..");
            KqlExpr high = additive();
            expect(")");
            return new KqlExpr.Between(t.text().startsWith("!"), left, low, high);
        }
        if (t.is("matches")) {
            i++;
            expectWord("regex");
            return new KqlExpr.Binary("matches regex", left, additive());
        }
        return left;
    }

    private KqlExpr additive() {
        KqlExpr left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            String op = next().text();
            left = new KqlExpr.Binary(op, left, multiplicative());
        }
        return left;
    }

    private KqlExpr multiplicative() {
        KqlExpr left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            String op = next().text();
            left = new KqlExpr.Binary(op, left, unary());
        }
        return left;
    }

    private KqlExpr unary() {
        if (accept("-")) return new KqlExpr.Negate(unary());
        if (accept("+")) return unary();
        KqlExpr e = primary();
        while (true) {
            if (peek().is(".") && peekAt(1).kind() == Kind.IDENT) {
                i++;
                e = new KqlExpr.Member(e, ident());
            } else if (accept("[")) {
                KqlExpr idx = expr();
                expect("]");
                e = idx instanceof KqlExpr.Literal l && l.value() instanceof String s
                        ? new KqlExpr.Member(e, s) : new KqlExpr.Index(e, idx);
            } else {
                return e;
            }
        }
    }

    private KqlExpr primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER, TIMESPAN, STRING -> {
                return new KqlExpr.Literal(t.value());
            }
            case DATETIME -> {
                String raw = (String) t.value();
                return new KqlExpr.Literal(raw.equals("null") ? null : KqlValues.parseDatetime(raw));
            }
            case PUNCT -> {
                if (t.is("(")) {
                    KqlExpr e = expr();
                    expect(")");
                    return e;
                }
                if (t.is("[")) {
                    // ['column name'] quoting
                    Token s = next();
                    if (s.kind() != Kind.STRING) throw error("expected a quoted column name");
                    expect("]");
                    return new KqlExpr.Column((String) s.value());
                }
                throw error("unexpected '" + t.text() + "'");
            }
            case IDENT -> {
                String name = t.text();
                if (name.equals("true") || name.equals("false")) return new KqlExpr.Literal(Boolean.parseBoolean(name));
                if (!peek().is("(")) return new KqlExpr.Column(name);
                i++;
                if (name.equals("dynamic")) {
                    Object v = dynamicLiteral();
                    expect(")");
                    return new KqlExpr.Literal(v);
                }
                if (TYPE_NAMES.contains(name)) {
                    if (acceptWord("null")) {
                        expect(")");
                        return new KqlExpr.Literal(null);
                    }
                    KqlExpr inner = expr();
                    expect(")");
                    if (name.equals("bool") || name.equals("boolean") || name.equals("long") || name.equals("int")
                            || name.equals("real") || name.equals("double") || name.equals("string")) {
                        return inner;
                    }
                    throw error(name + "(...) literals other than null are not in the oracle's subset");
                }
                List<KqlExpr> args = new ArrayList<>();
                if (!peek().is(")")) {
                    do {
                        if (accept("*")) args.add(new KqlExpr.Column("*"));
                        else args.add(expr());
                    } while (accept(","));
                }
                expect(")");
                return new KqlExpr.Call(name, args);
            }
            default -> throw error("unexpected end of query");
        }
    }

    /** The JSON-like body of dynamic(...): arrays, property bags, strings, numbers, true/false, null. */
    private Object dynamicLiteral() {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (acceptWord("null")) return null;
        return dynamicNode(f);
    }

    private com.fasterxml.jackson.databind.JsonNode dynamicNode(com.fasterxml.jackson.databind.node.JsonNodeFactory f) {
        if (accept("[")) {
            var arr = f.arrayNode();
            if (!peek().is("]")) {
                do arr.add(dynamicNode(f)); while (accept(","));
            }
            expect("]");
            return arr;
        }
        if (accept("{")) {
            var obj = f.objectNode();
            if (!peek().is("}")) {
                do {
                    Token k = next();
                    String key = k.kind() == Kind.STRING ? (String) k.value() : k.text();
                    expect(":");
                    obj.set(key, dynamicNode(f));
                } while (accept(","));
            }
            expect("}");
            return obj;
        }
        boolean negative = accept("-");
        Token t = next();
        return switch (t.kind()) {
            case STRING -> f.textNode((String) t.value());
            case NUMBER -> t.value() instanceof Long l ? f.numberNode(negative ? -l : l)
                    : f.numberNode(negative ? -(Double) t.value() : (Double) t.value());
            case IDENT -> switch (t.text()) {
                case "true" -> f.booleanNode(true);
                case "false" -> f.booleanNode(false);
                case "null" -> f.nullNode();
                default -> throw error("bad dynamic literal '" + t.text() + "'");
            };
            default -> throw error("bad dynamic literal '" + t.text() + "'");
        };
    }

    // ---- token helpers

    private Token peek() {
        return tokens.get(i);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(i + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(i);
        if (t.kind() != Kind.END) i++;
        return t;
    }

    private boolean accept(String punct) {
        if (peek().kind() == Kind.PUNCT && peek().text().equals(punct)) {
            i++;
            return true;
        }
        return false;
    }

    private boolean peekWord(String w) {
        return peek().kind() == Kind.IDENT && peek().text().equals(w);
    }

    private boolean acceptWord(String w) {
        if (!peekWord(w)) return false;
        i++;
        return true;
    }

    private void expect(String punct) {
        if (!accept(punct)) throw error("expected '" + punct + "', got '" + peek().text() + "'");
    }

    private void expectWord(String w) {
        if (!acceptWord(w)) throw error("expected '" + w + "', got '" + peek().text() + "'");
    }

    private String ident() {
        Token t = next();
        if (t.kind() != Kind.IDENT) throw error("expected a name, got '" + t.text() + "'");
        return t.text();
    }

    private KqlException error(String message) {
        return new KqlException(message + " at offset " + peek().pos());
    }

}
