// A deliberately naive interpreter of the AST over a parsed JSON event: the oracle for differential tests.
package dev.s1ql.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s1ql.ast.And;
import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.FieldRef;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.FieldKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Written straight from docs/eval.md with no caching, sharing, indexing or automata, so that any optimisation
 * in the real evaluator that changes a result shows up as a difference. Default options only; no regex budget.
 */
final class ReferenceEvaluator {

    private static final Pattern INVALID = Pattern.compile("x");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Map<String, Pattern> PATTERNS = new java.util.HashMap<>();

    private ReferenceEvaluator() {
    }

    /** The event's top-level keys in lower case (the first spelling wins), to look fields up without case. */
    static Map<String, JsonNode> keys(JsonNode event) {
        Map<String, JsonNode> m = new java.util.HashMap<>();
        event.fields().forEachRemaining(e -> m.putIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
        return m;
    }

    static boolean eval(Expr e, JsonNode event) {
        return eval(e, event, keys(event));
    }

    static boolean eval(Expr e, JsonNode event, Map<String, JsonNode> keys) {
        if (e instanceof And a) return a.operands().stream().allMatch(x -> eval(x, event, keys));
        if (e instanceof Or o) return o.operands().stream().anyMatch(x -> eval(x, event, keys));
        if (e instanceof Not n) return !eval(n.operand(), event, keys);
        Predicate p = (Predicate) e;
        for (Field f : fields(p.field())) {
            String v = read(event, keys, f);
            if (leaf(p, f.isEnum, v)) return true;
        }
        return false;
    }

    record Field(String name, String dotted, boolean isEnum) {
    }

    static List<Field> fields(FieldRef ref) {
        FieldInfo f = ref.resolved();
        List<Field> out = new ArrayList<>();
        if (f == null) {
            out.add(new Field(ref.written(), null, false));
        } else if (f.kind() == FieldKind.FIELD || f.members().isEmpty()) {
            out.add(field(f));
        } else {
            for (String m : f.members()) {
                FieldInfo mi = FieldCatalog.defaults().lookup(m);
                out.add(mi != null ? field(mi) : new Field(m, null, false));
            }
            out.add(new Field(f.name(), null, f.isEnum()));
        }
        return out;
    }

    private static Field field(FieldInfo f) {
        String dotted = f.s1ql2().isEmpty() || f.s1ql2().startsWith("#") ? null : f.s1ql2();
        return new Field(f.name(), dotted, f.isEnum());
    }

    /** The text of the field in the event, or null: top-level key in any case, else nested 2.0 path, else flat. */
    static String read(JsonNode event, Map<String, JsonNode> keys, Field f) {
        JsonNode n = keys.get(f.name().toLowerCase(java.util.Locale.ROOT));
        if (n == null && f.dotted() != null) {
            JsonNode cur = event;
            for (String seg : f.dotted().split("\\.")) {
                cur = cur == null || !cur.isObject() ? null : key(cur, seg);
            }
            n = cur;
            if (n == null) n = keys.get(f.dotted().toLowerCase(java.util.Locale.ROOT));
        }
        if (n == null || n.isNull()) return null;
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static JsonNode key(JsonNode obj, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    private static boolean leaf(Predicate p, boolean isEnum, String v) {
        var op = p.operator();
        boolean ci = op.caseInsensitive() || isEnum;
        switch (op.kind()) {
            case EXISTS:
                return v != null;
            case EMPTY:
                return op.negated() ? v != null && !v.isEmpty() : v == null || v.isEmpty();
            default:
                break;
        }
        if (v == null) return false;
        boolean r = switch (op.kind()) {
            case EQUALS, IN -> p.values().stream().anyMatch(x -> equal(v, x.text(), ci));
            case CONTAINS, IN_CONTAINS -> p.values().stream().anyMatch(x -> find(v, x.text(), ci) >= 0);
            case STARTS_WITH -> p.values().stream().anyMatch(x -> v.regionMatches(ci, 0, x.text(), 0, x.text().length()));
            case ENDS_WITH -> p.values().stream().anyMatch(x -> v.length() >= x.text().length()
                    && v.regionMatches(ci, v.length() - x.text().length(), x.text(), 0, x.text().length()));
            case REGEX -> regexFind(p.value().text(), v);   // a 1.0 RegExp ignores case by default (docs/eval.md)
            case BOOL -> v.equalsIgnoreCase(Boolean.toString(((BoolValue) p.value()).value()));
            case COMPARE -> compare(v, p.value()) != null && op.comparison().holds(compare(v, p.value()));
            case RANGE -> compare(v, p.values().get(0)) != null && compare(v, p.values().get(0)) >= 0
                    && compare(v, p.values().get(1)) != null && compare(v, p.values().get(1)) <= 0;
            default -> throw new AssertionError(op.kind());
        };
        return op.negated() != r;
    }

    /** An invalid pattern never matches. */
    private static boolean regexFind(String pattern, String v) {
        Pattern compiled = PATTERNS.computeIfAbsent(pattern, k -> {
            try {
                return Pattern.compile(k, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (java.util.regex.PatternSyntaxException e) {
                return INVALID;
            }
        });
        return compiled != INVALID && compiled.matcher(v).find();
    }

    private static boolean equal(String v, String operand, boolean ci) {
        if (ci ? v.equalsIgnoreCase(operand) : v.equals(operand)) return true;
        BigDecimal a = number(v);
        BigDecimal b = number(operand);
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private static int find(String v, String needle, boolean ci) {
        for (int i = 0; i + needle.length() <= v.length(); i++) {
            if (v.regionMatches(ci, i, needle, 0, needle.length())) return i;
        }
        return -1;
    }

    private static Integer compare(String v, Value operand) {
        BigDecimal b = number(operand.text());
        if (b == null) return Integer.signum(v.compareTo(operand.text()));
        BigDecimal a = number(v);
        return a == null ? null : a.compareTo(b);
    }

    private static BigDecimal number(String s) {
        return NUMBER.matcher(s).matches() ? new BigDecimal(s) : null;
    }
}
