// Prints an AST as canonical S1QL 1.0: one line, canonical operator spellings and field names, minimal
// parentheses. What it prints parses back to the same AST (normalised), which the round-trip test checks.
package dev.s1ql.render;

import dev.s1ql.ast.And;
import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.NumberValue;
import dev.s1ql.ast.Operator;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.StringValue;
import dev.s1ql.ast.Value;
import dev.s1ql.parse.StringLiteralScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

public final class S1qlFormatter {

    /** A node S1QL 1.0 has no way to write (possible only for ASTs built by code, e.g. from 2.0). */
    public static final class UnrepresentableException extends RuntimeException {
        public UnrepresentableException(String message) {
            super(message);
        }
    }

    private S1qlFormatter() {
    }

    /** The query with its {@code --} comments first, each on its own line. */
    public static String format(Query query) {
        StringBuilder sb = new StringBuilder();
        for (Query.Comment c : query.comments()) sb.append(c.text().stripTrailing()).append('\n');
        return sb.append(format(query.root())).toString();
    }

    public static String format(Expr e) {
        if (e instanceof Or or) {
            // AND binds tighter than OR, but the parentheses make the reading obvious to a person.
            return or.operands().stream().map(x -> x instanceof And ? "(" + format(x) + ")" : format(x))
                    .collect(Collectors.joining(" OR "));
        }
        if (e instanceof And and) {
            return and.operands().stream()
                    .map(x -> x instanceof Or ? "(" + format(x) + ")" : format(x))
                    .collect(Collectors.joining(" AND "));
        }
        if (e instanceof Not not) {
            return "NOT " + (not.operand() instanceof Predicate || not.operand() instanceof Not
                    ? format(not.operand()) : "(" + format(not.operand()) + ")");
        }
        return predicate((Predicate) e);
    }

    private static String predicate(Predicate p) {
        String field = p.field().canonicalName();
        Operator op = p.operator();
        return switch (op.kind()) {
            case EXISTS -> {
                if (op.negated()) throw new UnrepresentableException("a negated EXISTS is written NOT <field> EXISTS");
                yield field + " EXISTS";
            }
            case EMPTY -> field + (op.negated() ? " IS NOT EMPTY" : " IS EMPTY");
            case BOOL -> field + " IS " + (((BoolValue) p.value()).value() ? "TRUE" : "FALSE");
            case RANGE -> field + " BETWEEN " + value(p.values().get(0)) + " AND " + value(p.values().get(1));
            case COMPARE -> field + " " + op.comparison().symbol() + " " + value(p.value());
            case IN, IN_CONTAINS -> field + " " + spelling(op) + " " + list(p.values());
            default -> field + " " + spelling(op) + " " + value(p.value());
        };
    }

    /** The canonical spelling of a value operator. */
    public static String spelling(Operator op) {
        boolean ci = op.caseInsensitive();
        boolean neg = op.negated();
        MatchKind k = op.kind();
        if (neg && (k == MatchKind.STARTS_WITH || k == MatchKind.ENDS_WITH || k == MatchKind.REGEX)) {
            throw new UnrepresentableException("S1QL 1.0 has no negated " + k + " operator; write NOT (...)");
        }
        if (ci && (k == MatchKind.EQUALS || k == MatchKind.REGEX)) {
            throw new UnrepresentableException("S1QL 1.0 has no case-insensitive " + k + " operator");
        }
        return switch (k) {
            case EQUALS -> neg ? "!=" : "=";
            case IN -> (neg ? "Not In" : "In") + (ci ? " AnyCase" : "");
            case IN_CONTAINS -> (neg ? "Not In Contains" : "In Contains") + (ci ? " AnyCase" : "");
            case CONTAINS -> neg ? (ci ? "Does Not ContainCIS" : "Does Not Contain") : (ci ? "ContainsCIS" : "Contains");
            case STARTS_WITH -> ci ? "StartsWithCIS" : "StartsWith";
            case ENDS_WITH -> ci ? "EndsWithCIS" : "EndsWith";
            case REGEX -> "RegExp";
            default -> throw new IllegalArgumentException(k + " has no value operator spelling");
        };
    }

    private static String list(List<Value> values) {
        List<String> out = new ArrayList<>(values.size());
        for (Value v : values) out.add(value(v, true));
        return "(" + String.join(", ", out) + ")";
    }

    /** A value as a 1.0 literal, outside a value list. */
    public static String value(Value v) {
        return value(v, false);
    }

    /** A value as a 1.0 literal; inside a list a comma after an escaped quote would end the value. */
    public static String value(Value v, boolean inValueList) {
        if (v instanceof StringValue s) {
            if (!StringLiteralScanner.roundTrips(s.value(), inValueList)) {
                throw new UnrepresentableException("the value " + s.value()
                        + " cannot be written as an S1QL 1.0 string: a '\"' in it is followed by text that"
                        + " would end the string (spec §2.5)");
            }
            return StringLiteralScanner.quote(s.value());
        }
        if (v instanceof NumberValue n) return n.literal();
        return Boolean.toString(((BoolValue) v).value());
    }
}
